/* Private pieces of the iptables dialect. */
#ifndef XTNFT_DIALECT_IPTABLES_INT_H
#define XTNFT_DIALECT_IPTABLES_INT_H

#include <stdbool.h>

struct xtn_strbuf;

void xtn_ipt_usage(struct xtn_strbuf *sb, const char *name, bool ipv6);

#endif
