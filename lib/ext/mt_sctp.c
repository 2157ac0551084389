/*
 * -m sctp (also loaded by -p sctp): [!] --sport, [!] --dport, [!]
 * --chunk-types all|any|only TYPE[:FLAGS],...  1.8.9 writes the
 * xt_sctp_info compat blob (rev 0) for all of it, ports included.  An
 * old-style extension: its own messages, no "--opt ! value".
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <linux/netfilter/xt_sctp.h>
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/util.h>
#include "tcpudp.h"

enum { O_SPORT, O_DPORT, O_CHUNKS };

static const struct xtn_optdef sctp_opts[] = {
	{ .name = "source-port", .id = O_SPORT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "sport", .id = O_SPORT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "destination-port", .id = O_DPORT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "dport", .id = O_DPORT, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ .name = "chunk-types", .id = O_CHUNKS, .has_arg = 1, .flags = XTN_OF_INVERT },
	{ 0 },
};

/*
 * 1.8.9's chunk table, in its order.  Flags are letters by bit, bit 7
 * first ('-': a bit without a name, which 1.8.9 still accepts).
 */
struct chunk_name {
	const char *name;
	uint8_t type;
	const char *flags;
};

static const struct chunk_name chunk_names[] = {
	{ "DATA", 0, "----IUBE" },
	{ "INIT", 1, "--------" },
	{ "INIT_ACK", 2, "--------" },
	{ "SACK", 3, "--------" },
	{ "HEARTBEAT", 4, "--------" },
	{ "HEARTBEAT_ACK", 5, "--------" },
	{ "ABORT", 6, "-------T" },
	{ "SHUTDOWN", 7, "--------" },
	{ "SHUTDOWN_ACK", 8, "--------" },
	{ "ERROR", 9, "--------" },
	{ "COOKIE_ECHO", 10, "--------" },
	{ "COOKIE_ACK", 11, "--------" },
	{ "ECN_ECNE", 12, "--------" },
	{ "ECN_CWR", 13, "--------" },
	{ "SHUTDOWN_COMPLETE", 14, "-------T" },
	{ "I_DATA", 64, "----IUBE" },
	{ "RE_CONFIG", 130, "--------" },
	{ "PAD", 132, "--------" },
	{ "ASCONF", 193, "--------" },
	{ "ASCONF_ACK", 128, "--------" },
	{ "FORWARD_TSN", 192, "--------" },
	{ "I_FORWARD_TSN", 194, "--------" },
};

static const struct chunk_name *chunk_by_type(unsigned int type)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(chunk_names); i++)
		if (chunk_names[i].type == type)
			return &chunk_names[i];
	return NULL;
}

static bool map_is(const uint32_t *map, uint32_t word)
{
	size_t i;

	for (i = 0; i < 256 / sizeof(uint32_t); i++)
		if (map[i] != word)
			return false;
	return true;
}

static void sctp_init(void *data, const struct xtn_family *fam)
{
	struct xt_sctp_info *s = data;
	size_t i;

	(void)fam;
	for (i = 0; i < XT_NUM_SCTP_FLAGS; i++)
		s->flag_info[i].chunktype = 0xff;	/* 1.8.9's -1 */
}

static int add_flag(struct xtn_parse *p, struct xt_sctp_info *s,
		    uint8_t type, unsigned int bit, bool set)
{
	struct xt_sctp_flag_info *f = NULL;
	int i;

	for (i = 0; i < s->flag_count; i++)
		if (s->flag_info[i].chunktype == type)
			f = &s->flag_info[i];
	if (!f) {
		if (s->flag_count == XT_NUM_SCTP_FLAGS)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Number of chunk types with flags exceeds currently allowed limit. Increasing this limit involves changing IPT_NUM_SCTP_FLAGS and recompiling both the kernel space and user space modules");
		f = &s->flag_info[s->flag_count++];
		f->chunktype = type;
	}
	f->flag_mask |= (uint8_t)(1u << bit);
	if (set)
		f->flag |= (uint8_t)(1u << bit);
	return 0;
}

/*
 * 1.8.9 files the flags of a chunk under its index in the table, which is
 * its type only up to SHUTDOWN_COMPLETE: "I_DATA:I" would check chunk
 * type 15 instead.  Refused rather than stored as something else.
 */
static int parse_flags(struct xtn_parse *p, struct xt_sctp_info *s,
		       size_t idx, const char *flags)
{
	const struct chunk_name *c = &chunk_names[idx];
	const char *at;
	size_t j;

	for (j = 0; flags[j]; j++) {
		at = strchr(c->flags, toupper((unsigned char)flags[j]));
		if (!at)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Invalid flags for chunk type %zu", idx);
		if (c->type != idx)
			return xtn_parse_fail(p, XTN_PARAM,
					      "Flags of chunk type %s are not supported (iptables 1.8.9 stores them for chunk type %zu)",
					      c->name, idx);
		if (add_flag(p, s, c->type, 7 - (unsigned int)(at - c->flags),
			     isupper((unsigned char)flags[j])) < 0)
			return -1;
	}
	return 0;
}

static int parse_chunk(struct xtn_parse *p, struct xt_sctp_info *s, char *tok)
{
	char *flags = strchr(tok, ':');
	size_t i;

	if (flags)
		*flags++ = '\0';
	for (i = 0; i < XTN_ARRAY_SIZE(chunk_names); i++)
		if (strcasecmp(chunk_names[i].name, tok) == 0)
			break;
	if (i == XTN_ARRAY_SIZE(chunk_names))
		return xtn_parse_fail(p, XTN_PARAM, "Unknown sctp chunk `%s'", tok);
	SCTP_CHUNKMAP_SET(s->chunkmap, chunk_names[i].type);
	return flags ? parse_flags(p, s, i, flags) : 0;
}

static int parse_chunk_list(struct xtn_parse *p, struct xt_sctp_info *s,
			    const char *list)
{
	char *buf, *tok, *save = NULL;
	int ret = 0;

	if (strcasecmp(list, "ALL") == 0) {
		SCTP_CHUNKMAP_SET_ALL(s->chunkmap);
		return 0;
	}
	if (strcasecmp(list, "NONE") == 0)
		return 0;
	buf = xtn_xstrdup(list);
	for (tok = strtok_r(buf, ",", &save); tok && ret == 0;
	     tok = strtok_r(NULL, ",", &save))
		ret = parse_chunk(p, s, tok);
	free(buf);
	return ret;
}

static int parse_chunks(struct xtn_parse *p, struct xt_sctp_info *s)
{
	const char *list;

	if (s->flags & XT_SCTP_CHUNK_TYPES)
		return xtn_parse_fail(p, XTN_PARAM, "Only one `--chunk-types' allowed");
	list = *p->optind < p->argc ? p->argv[*p->optind] : NULL;
	if (!list || list[0] == '-' || list[0] == '!')
		return xtn_parse_fail(p, XTN_PARAM, "--chunk-types requires two args");
	if (strcasecmp(p->arg, "ANY") == 0)
		s->chunk_match_type = SCTP_CHUNK_MATCH_ANY;
	else if (strcasecmp(p->arg, "ALL") == 0)
		s->chunk_match_type = SCTP_CHUNK_MATCH_ALL;
	else if (strcasecmp(p->arg, "ONLY") == 0)
		s->chunk_match_type = SCTP_CHUNK_MATCH_ONLY;
	else
		return xtn_parse_fail(p, XTN_PARAM,
				      "Match type has to be one of \"ALL\", \"ANY\" or \"ONLY\"");
	if (parse_chunk_list(p, s, list) < 0)
		return -1;
	(*p->optind)++;
	s->flags |= XT_SCTP_CHUNK_TYPES;
	if (p->invert)
		s->invflags |= XT_SCTP_CHUNK_TYPES;
	return 0;
}

static int parse_ports(struct xtn_parse *p, struct xt_sctp_info *s,
		       uint32_t flag, uint16_t ports[2], const char *once)
{
	if (s->flags & flag)
		return xtn_parse_fail(p, XTN_PARAM, "Only one `--%s' allowed", once);
	if (xtn_tcpudp_parse_ports(p, p->arg, "sctp", ports) < 0)
		return -1;
	s->flags |= flag;
	if (p->invert)
		s->invflags |= flag;
	return 0;
}

static int sctp_parse(struct xtn_parse *p, void *data)
{
	struct xt_sctp_info *s = data;

	switch (p->opt->id) {
	case O_SPORT:
		return parse_ports(p, s, XT_SCTP_SRC_PORTS, s->spts, "source-port");
	case O_DPORT:
		return parse_ports(p, s, XT_SCTP_DEST_PORTS, s->dpts,
				   "destination-port");
	default:
		return parse_chunks(p, s);
	}
}

/* 1.8.9 looks flags up by chunk number and prints them with the letters
 * of the table entry at that index (the same chunk for 0-14). */
static void put_flags(const struct xtn_out *o, const struct xt_sctp_info *s,
		      unsigned int type)
{
	const struct xt_sctp_flag_info *f;
	int j, bit;

	for (j = 0; j < s->flag_count && j < XT_NUM_SCTP_FLAGS; j++) {
		f = &s->flag_info[j];
		if (f->chunktype != type || type > 14)
			continue;
		if (f->flag_mask)
			xtn_out_puts(o, ":");
		for (bit = 7; bit >= 0; bit--) {
			char c = chunk_names[type].flags[7 - bit];

			if (!(f->flag_mask & (1u << bit)))
				continue;
			xtn_out_printf(o, "%c", f->flag & (1u << bit) ? c :
					  tolower((unsigned char)c));
		}
	}
}

static void put_chunks(const struct xtn_out *o, const struct xt_sctp_info *s,
		       bool numeric)
{
	static const char *const how[] = {
		[SCTP_CHUNK_MATCH_ANY] = " any",
		[SCTP_CHUNK_MATCH_ALL] = " all",
		[SCTP_CHUNK_MATCH_ONLY] = " only",
	};
	const struct chunk_name *c;
	const char *sep = " ";
	unsigned int i;

	xtn_out_puts(o, s->chunk_match_type <= SCTP_CHUNK_MATCH_ONLY ?
			how[s->chunk_match_type] : "Never reach here\n");
	if (map_is(s->chunkmap, 0)) {
		xtn_out_puts(o, " NONE");
		return;
	}
	if (map_is(s->chunkmap, UINT32_MAX)) {
		xtn_out_puts(o, " ALL");
		return;
	}
	for (i = 0; i < 256; i++) {
		if (!SCTP_CHUNKMAP_IS_SET(s->chunkmap, i))
			continue;
		xtn_out_puts(o, sep);
		sep = ",";
		c = chunk_by_type(i);
		if (numeric)
			xtn_out_printf(o, "0x%04X", i);
		else if (c)
			xtn_out_puts(o, c->name);
		put_flags(o, s, i);
	}
}

static void sctp_list(const struct xtn_out *o, const void *data)
{
	const struct xt_sctp_info *s = data;

	xtn_out_puts(o, " sctp");
	if (s->flags & XT_SCTP_SRC_PORTS)
		xtn_tcpudp_list_ports(o, "spt", s->spts,
				      s->invflags & XT_SCTP_SRC_PORTS, "sctp");
	if (s->flags & XT_SCTP_DEST_PORTS)
		xtn_tcpudp_list_ports(o, "dpt", s->dpts,
				      s->invflags & XT_SCTP_DEST_PORTS, "sctp");
	if (s->flags & XT_SCTP_CHUNK_TYPES) {
		if (s->invflags & XT_SCTP_CHUNK_TYPES)
			xtn_out_puts(o, " !");
		put_chunks(o, s, xtn_out_numeric(o));
	}
}

static void save_ports(const struct xtn_out *o, const struct xt_sctp_info *s,
		       uint32_t flag, const uint16_t ports[2], const char *opt)
{
	if (!(s->flags & flag))
		return;
	if (s->invflags & flag)
		xtn_out_puts(o, " !");
	if (ports[0] != ports[1])
		xtn_out_printf(o, " --%s %u:%u", opt, ports[0], ports[1]);
	else
		xtn_out_printf(o, " --%s %u", opt, ports[0]);
}

static void sctp_save(const struct xtn_out *o, const void *data)
{
	const struct xt_sctp_info *s = data;

	save_ports(o, s, XT_SCTP_SRC_PORTS, s->spts, "sport");
	save_ports(o, s, XT_SCTP_DEST_PORTS, s->dpts, "dport");
	if (s->flags & XT_SCTP_CHUNK_TYPES) {
		if (s->invflags & XT_SCTP_CHUNK_TYPES)
			xtn_out_puts(o, " !");
		xtn_out_puts(o, " --chunk-types");
		put_chunks(o, s, false);
	}
}

const struct xtn_ext xtn_mt_sctp = {
	.name = "sctp",
	.kind = XTN_EXT_MATCH,
	.families = XTN_FAM_INET,
	.data_size = sizeof(struct xt_sctp_info),
	.opts = sctp_opts,
	.help =
"sctp match options\n"
"[!] --source-port port[:port]                          match source port(s)\n"
" --sport ...\n"
"[!] --destination-port port[:port]                     match destination port(s)\n"
" --dport ...\n"
"[!] --chunk-types (all|any|none) (chunktype[:flags])+\tmatch if all, any or none of\n"
"\t\t\t\t\t\t        chunktypes are present\n"
"chunktypes - DATA INIT INIT_ACK SACK HEARTBEAT HEARTBEAT_ACK ABORT SHUTDOWN SHUTDOWN_ACK ERROR COOKIE_ECHO COOKIE_ACK ECN_ECNE ECN_CWR SHUTDOWN_COMPLETE ASCONF ASCONF_ACK FORWARD_TSN ALL NONE\n",
	.legacy = true,
	.init = sctp_init,
	.parse = sctp_parse,
	.save = sctp_save,
	.list = sctp_list,
	.xt = { .name = "sctp", .revision = 0,
		.size = sizeof(struct xt_sctp_info) },
};
