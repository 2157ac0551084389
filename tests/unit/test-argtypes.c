/*
 * Typed option values (lib/opt/argtypes.c): what each kind accepts, where
 * XTN_OF_PUT stores it, and 1.8.9's exact words for each kind of bad value
 * (the messages were read off iptables-nft 1.8.9).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <cmocka.h>
#include <xtnft/ctx.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>
#include <xtnft/netaddr.h>

struct two16 {
	uint16_t lo, hi;
};

static const struct xtn_sym pkt_syms[] = {
	{ "unicast", 0 }, { "broadcast", 1 }, { "multicast", 2 }, { NULL, 0 },
};

static const struct xtn_optdef opts[] = {
	{ .name = "ttl-eq", .type = XTN_AT_UINT8, .has_arg = 1 },
	{ .name = "every", .type = XTN_AT_UINT32, .min = 1, .has_arg = 1 },
	{ .name = "length", .type = XTN_AT_UINT16RC, .has_arg = 1,
	  .flags = XTN_OF_PUT, .offset = 0 },
	{ .name = "mark", .type = XTN_AT_MARKMASK32, .has_arg = 1 },
	{ .name = "pkt-type", .type = XTN_AT_SYMBOL, .syms = pkt_syms,
	  .bad_sym = "Bad packet type '%s'", .has_arg = 1 },
	{ .name = "ctorigsrc", .type = XTN_AT_HOSTMASK, .has_arg = 1 },
	{ .name = "mac-source", .type = XTN_AT_ETHERMAC, .has_arg = 1 },
	{ .name = "physdev-in", .type = XTN_AT_IFACE, .has_arg = 1 },
	{ .name = "dport", .type = XTN_AT_PORTRC, .has_arg = 1,
	  .flags = XTN_OF_PUT | XTN_OF_NBO, .offset = 0 },
	{ 0 },
};

static const struct xtn_ext ext = {
	.name = "t", .kind = XTN_EXT_MATCH, .families = XTN_FAM_INET,
	.data_size = 16, .opts = opts,
};

struct fix {
	struct xtn_ctx ctx;
	struct xtn_ext_inst inst;
	uint8_t data[16];
	struct xtn_parse p;
};

/* Parse `arg` as option `name`: 0 or -1, message in *msg. */
static int parse(struct fix *f, const char *name, const char *arg,
		 const char **msg)
{
	const struct xtn_optdef *o;
	int ret;

	xtn_diag_clear(&f->ctx.diag);
	memset(f->data, 0, sizeof(f->data));
	for (o = opts; o->name && strcmp(o->name, name) != 0; o++)
		;
	assert_non_null(o->name);
	memset(&f->p, 0, sizeof(f->p));
	f->p.ctx = &f->ctx;
	f->p.fam = f->ctx.fam;
	f->p.inst = &f->inst;
	f->p.opt = o;
	f->p.arg = arg;
	f->p.ext_name = "t";
	ret = xtn_parse_typed(&f->p, f->data);
	*msg = f->ctx.diag.msg ? f->ctx.diag.msg : "";
	return ret;
}

static int setup(void **state)
{
	static struct fix f;

	memset(&f, 0, sizeof(f));
	xtn_ctx_init(&f.ctx, &xtn_family_ipv4);
	f.ctx.resolver = &xtn_resolver_none;
	f.inst.ext = &ext;
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fix *f = *state;

	xtn_ctx_fini(&f->ctx);
	return 0;
}

static void test_uint(void **state)
{
	struct fix *f = *state;
	const char *msg;

	assert_int_equal(parse(f, "ttl-eq", "0x10", &msg), 0);
	assert_int_equal(f->p.val.u64, 16);
	assert_int_equal(parse(f, "ttl-eq", "010", &msg), 0);
	assert_int_equal(f->p.val.u64, 8);
	assert_int_equal(parse(f, "ttl-eq", "256", &msg), -1);
	assert_string_equal(msg, "t: bad value for option \"--ttl-eq\", or out of range (0-255).\n");
	assert_int_equal(parse(f, "ttl-eq", "5x", &msg), -1);
	assert_int_equal(parse(f, "every", "0", &msg), -1);
	assert_string_equal(msg, "t: bad value for option \"--every\", or out of range (1-4294967295).\n");
}

static void test_range(void **state)
{
	struct fix *f = *state;
	struct two16 r;
	const char *msg;

	assert_int_equal(parse(f, "length", "5:3", &msg), 0);
	memcpy(&r, f->data, sizeof(r));
	assert_int_equal(r.lo, 5);
	assert_int_equal(r.hi, 3);
	assert_int_equal(parse(f, "length", "7", &msg), 0);
	assert_int_equal(f->p.val.u16[0], 7);
	assert_int_equal(f->p.val.u16[1], 7);
	assert_int_equal(parse(f, "length", "1:", &msg), 0);
	assert_int_equal(f->p.val.u16[1], 65535);
	assert_int_equal(parse(f, "length", ":5", &msg), 0);
	assert_int_equal(f->p.val.u16[0], 0);
	assert_int_equal(f->p.val.u16[1], 5);
	/* "" is the single value 0 (1.8.9's xtopt_parse_mint), ":" the
	 * whole range */
	assert_int_equal(parse(f, "length", "", &msg), 0);
	assert_int_equal(f->p.val.u16[0], 0);
	assert_int_equal(f->p.val.u16[1], 0);
	assert_int_equal(parse(f, "length", ":", &msg), 0);
	assert_int_equal(f->p.val.u16[0], 0);
	assert_int_equal(f->p.val.u16[1], 65535);
	assert_int_equal(parse(f, "length", "5:x", &msg), -1);
	assert_string_equal(msg, "t: bad value for option \"--length\" near \"x\", or out of range (0-65535).\n");
	assert_int_equal(parse(f, "length", "70000", &msg), -1);
	assert_string_equal(msg, "t: bad value for option \"--length\" near \"70000\", or out of range (0-65535).\n");
}

static void test_markmask(void **state)
{
	struct fix *f = *state;
	const char *msg;

	assert_int_equal(parse(f, "mark", "0x1/0xff", &msg), 0);
	assert_int_equal(f->p.val.u32[0], 1);
	assert_int_equal(f->p.val.u32[1], 0xff);
	assert_int_equal(parse(f, "mark", "7", &msg), 0);
	assert_int_equal(f->p.val.u32[1], 0xffffffff);
	assert_int_equal(parse(f, "mark", "1/", &msg), -1);
	assert_string_equal(msg, "t: bad integer value for option \"--mark\", or out of range.\n");
	assert_int_equal(parse(f, "mark", "0x100000000", &msg), -1);
}

static void test_symbol(void **state)
{
	struct fix *f = *state;
	const char *msg;

	assert_int_equal(parse(f, "pkt-type", "multicast", &msg), 0);
	assert_int_equal(f->p.val.u32[0], 2);
	assert_int_equal(parse(f, "pkt-type", "x", &msg), -1);
	assert_string_equal(msg, "Bad packet type 'x'");
}

static void test_hostmask(void **state)
{
	struct fix *f = *state;
	const char *msg;
	char buf[INET_ADDRSTRLEN];

	/* 1.8.9's hostmask keeps the address as given, with its mask */
	assert_int_equal(parse(f, "ctorigsrc", "10.1.2.3/24", &msg), 0);
	assert_string_equal(inet_ntop(AF_INET, f->p.val.inet[0].b, buf, sizeof(buf)), "10.1.2.3");
	assert_string_equal(inet_ntop(AF_INET, f->p.val.inet[1].b, buf, sizeof(buf)), "255.255.255.0");
	/* 1.8.9 takes /33 and masks with holes as a host mask silently */
	assert_int_equal(parse(f, "ctorigsrc", "1.2.3.4/33", &msg), -1);
	assert_string_equal(msg, "t: bad value for option \"--ctorigsrc\", neither a valid network mask nor valid CIDR (0-32).\n");
	assert_int_equal(parse(f, "ctorigsrc", "1.2.3.4/255.0.255.0", &msg), -1);
	assert_int_equal(parse(f, "ctorigsrc", "1.2.3.4/x", &msg), -1);
}

static void test_mac_and_ports(void **state)
{
	struct fix *f = *state;
	const char *msg;

	assert_int_equal(parse(f, "mac-source", "00:11:22:aa:BB:cc", &msg), 0);
	assert_int_equal(f->p.val.mac[5], 0xcc);
	assert_int_equal(parse(f, "mac-source", "00:11:22:33:44", &msg), -1);
	assert_string_equal(msg, "Invalid MAC address specified.");
	assert_int_equal(parse(f, "dport", "80:0x100", &msg), 0);
	/* network byte order where asked */
	assert_int_equal(f->data[0], 0);
	assert_int_equal(f->data[1], 80);
	assert_int_equal(f->data[2], 1);
	assert_int_equal(f->data[3], 0);
	/* 1.8.9 wraps 70000 into 4464 silently: refused */
	assert_int_equal(parse(f, "dport", "70000", &msg), -1);
	assert_string_equal(msg, "Port \"70000\" does not resolve to anything.\n");
	assert_int_equal(parse(f, "dport", "1:x", &msg), -1);
	assert_string_equal(msg, "Port \"x\" does not resolve to anything.\n");
}

static void test_iface(void **state)
{
	struct fix *f = *state;
	const char *msg;

	assert_int_equal(parse(f, "physdev-in", "eth0", &msg), 0);
	assert_string_equal(f->p.val.iface, "eth0");
	/* the name and its NUL are compared */
	assert_int_equal(f->p.val.iface_mask[4], 0xff);
	assert_int_equal(f->p.val.iface_mask[5], 0);
	assert_int_equal(parse(f, "physdev-in", "br+", &msg), 0);
	assert_int_equal(f->p.val.iface_mask[1], 0xff);
	assert_int_equal(f->p.val.iface_mask[2], 0);
	assert_int_equal(parse(f, "physdev-in", "verylongname12345", &msg), -1);
	assert_string_equal(msg, "interface name `verylongname12345' must be shorter than IFNAMSIZ (15)");
	/* 1.8.9 stores "" as any port and saves an unrestorable line */
	assert_int_equal(parse(f, "physdev-in", "", &msg), -1);
	assert_string_equal(msg, "Empty interface is likely to be undesired");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uint),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_markmask),
		cmocka_unit_test(test_symbol),
		cmocka_unit_test(test_hostmask),
		cmocka_unit_test(test_mac_and_ports),
		cmocka_unit_test(test_iface),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
