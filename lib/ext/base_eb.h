/* The ebtables base match's data, for the dialect and bridge extensions. */
#ifndef XTNFT_EXT_BASE_EB_H
#define XTNFT_EXT_BASE_EB_H

#include <stdbool.h>
#include <stdint.h>

struct xtn_out;

enum {
	XTN_EBB_O_PROTO,
	XTN_EBB_O_SRC,
	XTN_EBB_O_DST,
	XTN_EBB_O_IN,
	XTN_EBB_O_OUT,
	XTN_EBB_O_LIN,
	XTN_EBB_O_LOUT,
};

enum {
	XTN_EBB_F_PROTO = 1 << 0,	/* -p ETHERTYPE */
	XTN_EBB_F_802_3 = 1 << 1,	/* -p Length */
	XTN_EBB_F_SMAC = 1 << 2,
	XTN_EBB_F_DMAC = 1 << 3,
};

enum {
	XTN_EBB_INV_PROTO = 1 << 0,
	XTN_EBB_INV_SRC = 1 << 1,
	XTN_EBB_INV_DST = 1 << 2,
	XTN_EBB_INV_IN = 1 << 3,
	XTN_EBB_INV_OUT = 1 << 4,
	XTN_EBB_INV_LIN = 1 << 5,
	XTN_EBB_INV_LOUT = 1 << 6,
};

struct xtn_ebbase {
	uint16_t ethproto;	/* host order */
	uint8_t bitmask;	/* XTN_EBB_F_* */
	uint8_t invflags;	/* XTN_EBB_INV_* */
	uint8_t smac[6], smsk[6], dmac[6], dmsk[6];
	char in[16], out[16], lin[16], lout[16];
};

/* One of the MAC class names (Unicast, ...), any case. */
bool xtn_eb_mac_class(const char *word);
/* ebtables' MAC[/MASK] or Unicast, Multicast, Broadcast, BGA; -1 if bad. */
int xtn_eb_parse_mac(const char *from, uint8_t mac[6], uint8_t msk[6]);
/* The same back: a class name, or the MAC and a mask if not all ones. */
void xtn_eb_print_mac(const struct xtn_out *o, const uint8_t mac[6],
		      const uint8_t msk[6]);

#endif
