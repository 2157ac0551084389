/* The tuple part of a dump request's kernel filter (ctkfilter.c). */
#ifndef XTNFT_CT_CTKFILTER_H
#define XTNFT_CT_CTKFILTER_H

#include <stdbool.h>
#include <libmnl/libmnl.h>
#include <xtnft/ct.h>

/* Add the tuple filter of c's -s/-d/-r/-q, -p and its ports and ICMP
 * fields for a dump of family (AF_INET or AF_INET6); false when there is
 * none to send (the message is then unchanged). */
bool xtn_ct_put_tuple_filter(struct nlmsghdr *nlh, const struct xtn_ct_cmd *c,
			     int family);

#endif
