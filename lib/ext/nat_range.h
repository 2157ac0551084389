/*
 * What SNAT, DNAT, MASQUERADE and REDIRECT share: 1.8.9 parses their
 * address and port ranges into one nf_nat_range2 and places that in the
 * struct of the revision it writes (nf_nat_ipv4_multi_range_compat,
 * nf_nat_range or nf_nat_range2); printing goes the other way.
 */
#ifndef XTNFT_EXT_NAT_RANGE_H
#define XTNFT_EXT_NAT_RANGE_H

#include <stdbool.h>
#include <linux/netfilter/nf_nat.h>

struct xtn_parse;
struct xtn_out;
struct xtn_family;

/* Option ids every NAT target uses for the same option. */
enum {
	XTN_NAT_O_TO,		/* --to-source, --to-destination */
	XTN_NAT_O_TO_PORTS,
	XTN_NAT_O_RANDOM,
	XTN_NAT_O_RANDOM_FULLY,
	XTN_NAT_O_PERSISTENT,
};

/* One option of a NAT target into r (ids above).  holds_base: the
 * target's own struct keeps a base port (nf_nat_range2, DNAT), so a
 * single port with a base ("80/100") is read as "80-80/100". */
int xtn_nat_parse(struct xtn_parse *p, struct nf_nat_range2 *r,
		  bool holds_base);

/* 1.8.9's __NAT_print(): " RANGEOPT[addr[-addr]][:port[-port[/base]]]"
 * then the flags, each as " FLAG_PFXrandom" etc.; skip_colon drops the
 * ':' before ports when there is no address (--to-ports). */
void xtn_nat_put(const struct xtn_out *o, const struct nf_nat_range2 *r,
		 const char *rangeopt, const char *flag_pfx, bool skip_colon);

/* The "/base" form keeps its base port only in nf_nat_range2 (DNAT
 * rev 2); the others would store the flag without it. */
bool xtn_nat_shifted(unsigned int flags);

void xtn_nat_from_mrc(struct nf_nat_range2 *r,
		      const struct nf_nat_ipv4_multi_range_compat *m);
void xtn_nat_to_mrc(struct nf_nat_ipv4_multi_range_compat *m,
		    const struct nf_nat_range2 *r);
void xtn_nat_from_v1(struct nf_nat_range2 *r, const struct nf_nat_range *v1);
void xtn_nat_to_v1(struct nf_nat_range *v1, const struct nf_nat_range2 *r);

/* The same for a descriptor whose data is the ip revision-0 struct
 * (nf_nat_ipv4_multi_range_compat, "mrc") or nf_nat_range ("v1"). */
int xtn_nat_parse_mrc(struct xtn_parse *p, void *data);
int xtn_nat_parse_v1(struct xtn_parse *p, void *data);
void xtn_nat_put_mrc(const struct xtn_out *o, const void *data,
		     const char *rangeopt, const char *flag_pfx,
		     bool skip_colon);
void xtn_nat_put_v1(const struct xtn_out *o, const void *data,
		    const char *rangeopt, const char *flag_pfx, bool skip_colon);
/* rangesize 1, as 1.8.9 always sends it */
void xtn_nat_init_mrc(void *data, const struct xtn_family *fam);

#endif
