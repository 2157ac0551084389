/* iptables-restore, ip6tables-restore, arptables-restore: the whole input
 * in one transaction. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xtnft/ctx.h>
#include <xtnft/dialect.h>
#include <xtnft/family.h>
#include <xtnft/lines.h>
#include <xtnft/opt.h>
#include <xtnft/restore.h>
#include <xtnft/util.h>
#include <xtnft/tools.h>
#include <xtnft/dialect.h>
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
	uint32_t wait_ms;
};

/* Returns -1 to continue, else an exit status. */
static int parse_args(const struct xtn_dialect *dl, int argc, char **argv,
		      const char *prog, struct restore_args *a)
{
	struct xtn_optset set;
	struct xtn_getopt g;
	int c, ret = -1, operands = 0;

	xtn_optset_init(&set, dl->restore_opts ? dl->restore_opts :
			      xtn_restore_options());
	xtn_getopt_init(&g, argc, argv, dl->restore_shortopts ?
			dl->restore_shortopts : XTN_RESTORE_SHORTOPTS, &set);
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
		case 'W': {
			/* 1.8.9 takes a value here and ignores it; xtnft
			 * waits out other writers that long (-w) */
			const char *v = g.optarg;

			if (!v && xtn_getopt_has_arg(&g))
				v = argv[g.optind++];
			/* 1.8.9 ignores a value that is no number too */
			if (c == 'w' && xtn_wait_ms(v, &a->wait_ms) < 0)
				a->wait_ms = XTN_WAIT_DEFAULT_MS;
			break;
		}
		case 1:
			if (!operands++)
				a->file = g.optarg;
			break;
		default:
			fputs(g.err, stderr);
			if (dl->restore_bad_option)
				fputs(dl->restore_bad_option, stderr);
			else
				fprintf(stderr, "Try `%s -h' for more information.\n",
					prog);
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

static void write_out(struct xtn_strbuf *out, void *priv)
{
	(void)priv;
	render_flush(out);
}

int tool_restore(const struct xtn_tool *t, int argc, char **argv)
{
	const struct xtn_dialect *dia = t->fam->dialect;
	const char *prog = dia->restore_prog ? dia->restore_prog :
			   tool_basename(argv[0]);
	struct xtn_lines lines;
	struct restore_args a;
	struct xtn_strbuf out;
	struct xtn_ctx ctx;
	int ret, status, fd = 0;

	memset(&a, 0, sizeof(a));
	a.o.prog = prog;
	a.o.flush = write_out;
	a.wait_ms = XTN_WAIT_DEFAULT_MS;
	ret = dia->restore_ignores_args ? -1 :
	      parse_args(dia, argc, argv, prog, &a);
	if (ret >= 0)
		return ret;
	if (a.file) {
		fd = open(a.file, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			fprintf(stderr, "Can't open %s: %s\n", a.file, strerror(errno));
			return 1;
		}
	}
	xtn_lines_init(&lines, fd);
	xtn_ctx_init(&ctx, t->fam);
	ctx.wait_ms = a.wait_ms;
	xtn_strbuf_init(&out);
	xtn_restore(&ctx, &lines, &a.o, &out);
	render_flush(&out);
	status = render_diag(&ctx.diag, t->fam->dialect, prog, true);
	xtn_strbuf_fini(&out);
	xtn_ctx_fini(&ctx);
	xtn_lines_fini(&lines);
	if (fd)
		close(fd);
	return status;
}
