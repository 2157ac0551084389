/* Private data layout of the ip/ip6 base match (lib/ext/base_ip.c). */
#ifndef XTNFT_EXT_BASE_IP_H
#define XTNFT_EXT_BASE_IP_H

#include <net/if.h>
#include <stdint.h>
#include <xtnft/netaddr.h>

#define NI_MAXHOST_LEN 1100

enum xtn_ipbase_opt {
	XTN_IPB_O_SRC,
	XTN_IPB_O_DST,
	XTN_IPB_O_IN,
	XTN_IPB_O_OUT,
	XTN_IPB_O_PROTO,
	XTN_IPB_O_FRAG,
};

enum {
	XTN_IPB_F_FRAG = 1 << 0,
};

enum {
	XTN_IPB_INV_IN = 1 << 0,
	XTN_IPB_INV_OUT = 1 << 1,
	XTN_IPB_INV_SRC = 1 << 2,
	XTN_IPB_INV_DST = 1 << 3,
	XTN_IPB_INV_PROTO = 1 << 4,
	XTN_IPB_INV_FRAG = 1 << 5,
};

struct xtn_ipbase {
	union xtn_inaddr src, smsk, dst, dmsk;
	char iniface[IFNAMSIZ];	/* as given, "+" kept */
	char outiface[IFNAMSIZ];
	uint16_t proto;
	uint8_t flags;
	uint8_t invflags;
};

#endif
