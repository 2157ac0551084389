/*
 * conntrack's kernel tuple filter (lib/ct/ctkfilter.c): what a parsed
 * command puts into a dump request, read back attribute by attribute.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <xtnft/ct.h>
#include <xtnft/ctx.h>
#include <xtnft/family.h>
#include "../../lib/ct/ctkfilter.h"
#include "ct-test.h"

static void parse(const char *line, struct xtn_ct_cmd *c)
{
	char msg[256];

	xtn_ct_cmd_init(c);
	assert_int_equal(ct_parse_line(line, c, msg, sizeof(msg)), 0);
}

/* the CTA_FILTER flags put for line (family), -1 when none was put */
static int64_t flags_of(const char *line, int family, uint16_t which,
			struct nlmsghdr **out, char *buf)
{
	struct xtn_ct_cmd c;
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct nlattr *a, *f;

	parse(line, &c);
	mnl_nlmsg_put_extra_header(nlh, 4);
	*out = nlh;
	if (!xtn_ct_put_tuple_filter(nlh, &c, family))
		return -1;
	mnl_attr_for_each(a, nlh, 4) {
		if (mnl_attr_get_type(a) != CTA_FILTER)
			continue;
		mnl_attr_for_each_nested(f, a)
			if (mnl_attr_get_type(f) == which)
				return mnl_attr_get_u32(f);
	}
	return -2;
}

static void test_flags(void **state)
{
	char buf[4096];
	struct nlmsghdr *nlh;

	(void)state;
	/* orig: IP_SRC 1, PROTO_NUM 8, DST_PORT 0x20 */
	assert_int_equal(flags_of("-L -s 10.0.0.2 -p tcp --dport 443",
				  AF_INET, CTA_FILTER_ORIG_FLAGS, &nlh, buf),
			 0x1 | 0x8 | 0x20);
	assert_int_equal(flags_of("-L -s 10.0.0.2 -p tcp --dport 443",
				  AF_INET, CTA_FILTER_REPLY_FLAGS, &nlh, buf), 0);
	/* a prefix stays in userspace; the protocol still goes */
	assert_int_equal(flags_of("-L -s 10.0.0.0/8 -p udp", AF_INET,
				  CTA_FILTER_ORIG_FLAGS, &nlh, buf), 0x8);
	/* reply addresses: IP_SRC | IP_DST of the reply tuple */
	assert_int_equal(flags_of("-L -r 10.0.0.9 -q 10.0.0.3", AF_INET,
				  CTA_FILTER_REPLY_FLAGS, &nlh, buf), 0x3);
	/* icmp type, code, id: 0x40 0x80 0x100 */
	assert_int_equal(flags_of("-L -p icmp --icmp-type 8 --icmp-code 0 --icmp-id 7",
				  AF_INET, CTA_FILTER_ORIG_FLAGS, &nlh, buf),
			 0x8 | 0x40 | 0x80 | 0x100);
	/* an IPv4 address has nothing to say to an IPv6 dump */
	assert_int_equal(flags_of("-L -s 10.0.0.2", AF_INET6,
				  CTA_FILTER_ORIG_FLAGS, &nlh, buf), -1);
	/* nothing to filter by tuple, and no family: nothing put */
	assert_int_equal(flags_of("-L -m 5", AF_INET, CTA_FILTER_ORIG_FLAGS,
				  &nlh, buf), -1);
	assert_int_equal(flags_of("-L -p tcp --dport 80", AF_UNSPEC,
				  CTA_FILTER_ORIG_FLAGS, &nlh, buf), -1);
	assert_int_equal(nlh->nlmsg_len, MNL_ALIGN(sizeof(*nlh)) + 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
