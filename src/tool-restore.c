/* iptables-restore / ip6tables-restore: the whole input in one transaction. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/ctx.h>
#include <xtnft/family.h>
#include <xtnft/opt.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>
#include <xtnft/tools.h>
#include "tools.h"

static void usage(const char *name)
{
	fprintf(stderr, "Usage: %s [-c] [-v] [-V] [-t] [-h] [-n] [-T table] [-M command] [-4] [-6] [file]\n"
		"	   [ --counters ]\n"
		"	   [ --verbose ]\n"
		"	   [ --version]\n"
		"	   [ --test ]\n"
		"	   [ --help ]\n"
		"	   [ --noflush ]\n"
		"	   [ --table=<TABLE> ]\n"
		"	   [ --modprobe=<command> ]\n"
		"	   [ --ipv4 ]\n"
		"	   [ --ipv6 ]\n", name);
}

struct restore_args {
	struct xtn_restore_opts o;
	const char *file;
};

/* Returns -1 to continue, else an exit status. */
static int parse_args(int argc, char **argv, const char *prog,
		      struct restore_args *a)
{
	struct xtn_optset set;
	struct xtn_getopt g;
	int c, ret = -1, operands = 0;

	xtn_optset_init(&set, xtn_restore_options());
	xtn_getopt_init(&g, argc, argv, XTN_RESTORE_SHORTOPTS, &set);
	g.opterr = true;
	while (ret < 0 && (c = xtn_getopt_next(&g)) != -1) {
		switch (c) {
		case 'b':
			fprintf(stderr, "-b/--binary option is not implemented\n");
			break;
		case 'c':
			a->o.counters = true;
			break;
		case 'v':
			a->o.verbose = true;
			break;
		case 'V':
			printf("%s v%s (nf_tables)\n", prog, XTN_COMPAT_VERSION);
			ret = 0;
			break;
		case 't':
			a->o.test = true;
			break;
		case 'h':
			usage(prog);
			ret = 0;
			break;
		case 'n':
			a->o.noflush = true;
			break;
		case 'M':
			break;
		case 'T':
			a->o.only_table = g.optarg;
			break;
		case 'w':
		case 'W':
			/* accepted and ignored, as in iptables-nft */
			if (!g.optarg && xtn_getopt_has_arg(&g))
				g.optind++;
			break;
		case 1:
			if (!operands++)
				a->file = g.optarg;
			break;
		default:
			fputs(g.err, stderr);
			fprintf(stderr, "Try `%s -h' for more information.\n", prog);
			ret = 1;
		}
	}
	if (ret < 0 && operands > 1) {
		fprintf(stderr, "Unknown arguments found on commandline\n");
		ret = 1;
	}
	xtn_optset_fini(&set);
	return ret;
}

/* The whole input; NULL on a read error, which must not pass for the end
 * of a shorter input (a directory reads as empty, as with 1.8.9). */
static char *read_all(FILE *f, size_t *len)
{
	size_t cap = 1 << 16, n = 0, got;
	char *buf = xtn_xmalloc(cap);

	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n - 1 == 0) {
			cap *= 2;
			buf = xtn_xrealloc(buf, cap);
		}
	}
	if (ferror(f) && errno != EISDIR) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

int tool_restore(const struct xtn_tool *t, int argc, char **argv)
{
	const char *prog = tool_basename(argv[0]);
	struct restore_args a;
	struct xtn_strbuf out;
	struct xtn_ctx ctx;
	FILE *in = stdin;
	size_t len;
	char *input;
	int ret, status;

	memset(&a, 0, sizeof(a));
	a.o.prog = prog;
	ret = parse_args(argc, argv, prog, &a);
	if (ret >= 0)
		return ret;
	if (a.file) {
		in = fopen(a.file, "re");
		if (!in) {
			fprintf(stderr, "Can't open %s: %s\n", a.file, strerror(errno));
			return 1;
		}
	}
	input = read_all(in, &len);
	if (!input)
		fprintf(stderr, "%s: error reading input: %s\n", prog, strerror(errno));
	if (in != stdin)
		fclose(in);
	if (!input)
		return 1;
	xtn_ctx_init(&ctx, t->fam);
	xtn_strbuf_init(&out);
	xtn_restore(&ctx, input, len, &a.o, &out);
	render_flush(&out);
	status = render_diag(&ctx.diag, prog, true);
	xtn_strbuf_fini(&out);
	xtn_ctx_fini(&ctx);
	free(input);
	return status;
}
