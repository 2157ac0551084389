/* iptables-xml: iptables-save text, from stdin or a file, as XML on stdout. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xtnft/diag.h>
#include <xtnft/lines.h>
#include <xtnft/opt.h>
#include <xtnft/tools.h>
#include <xtnft/util.h>
#include <xtnft/xml.h>
#include "tools.h"

static void usage(void)
{
	fprintf(stderr, "Usage: %s [-c] [-v] [-h]\n"
		"          [--combine ]\n"
		"\t   [ --verbose ]\n"
		"\t   [ --help ]\n", XTN_XML_PROG);
}

struct xml_args {
	struct xtn_xml_opts o;
	const char *file;
	int operands;
};

static void operand(struct xml_args *a, const char *word)
{
	if (!a->operands++)
		a->file = word;
}

/* Returns -1 to go on, else an exit status.  1.8.9 reports a bad option
 * (glibc's message) and goes on. */
static int parse_args(int argc, char **argv, struct xml_args *a)
{
	struct xtn_optset set;
	struct xtn_getopt g;
	int c, ret = -1;

	xtn_optset_init(&set, xtn_xml_options());
	xtn_getopt_init(&g, argc, argv, XTN_XML_SHORTOPTS, &set);
	g.opterr = true;
	while (ret < 0 && (c = xtn_getopt_next(&g)) != -1) {
		switch (c) {
		case 'c':
			a->o.combine = true;
			break;
		case 'v':
			fputs("xptables-xml\n", stdout);	/* sic, 1.8.9 */
			a->o.verbose = true;
			break;
		case 'h':
			usage();
			ret = 1;
			break;
		case 1:
			operand(a, g.optarg);
			break;
		default:
			fputs(g.err, stderr);
			g.err[0] = '\0';
			break;
		}
	}
	/* after "--", every word is an operand */
	for (; ret < 0 && g.optind < argc; g.optind++)
		operand(a, argv[g.optind]);
	xtn_optset_fini(&set);
	return ret;
}

/* 1.8.9's way: "iptables-xml v1.8.9: ..." for what it reports through
 * xtables_error() (status 2), "iptables-xml: ..." for its own messages. */
static int render(const struct xtn_diag *d)
{
	fflush(stdout);
	if (!d->status)
		return 0;
	if (d->style != XTN_DS_XTABLES) {
		fprintf(stderr, "%s: %s\n", XTN_XML_PROG, d->msg);
		return d->status;
	}
	fprintf(stderr, "%s v%s: %s\n", XTN_XML_PROG, XTN_COMPAT_VERSION,
		d->msg);
	if (d->status == XTN_PARAM) {
		if (d->loc.line)
			fprintf(stderr, "Error occurred at line: %u\n",
				d->loc.line);
		fprintf(stderr, "Try `%s -h' or '%s --help' for more information.\n",
			XTN_XML_PROG, XTN_XML_PROG);
	}
	return d->status;
}

static void write_out(struct xtn_strbuf *out, void *priv)
{
	(void)priv;
	render_flush(out);
}

int tool_xml(const struct xtn_tool *t, int argc, char **argv)
{
	struct xml_args a = { .o = { .flush = write_out } };
	struct xtn_lines lines;
	struct xtn_strbuf out;
	struct xtn_diag d;
	int ret, status, fd = 0;

	(void)t;
	ret = parse_args(argc, argv, &a);
	if (ret >= 0)
		return ret;
	if (a.operands > 1) {
		/* no newline, as 1.8.9 */
		fputs("Unknown arguments found on commandline", stderr);
		return 1;
	}
	if (a.file) {
		fd = open(a.file, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			fprintf(stderr, "Can't open %s: %s", a.file,
				strerror(errno));
			return 1;
		}
	}
	xtn_lines_init(&lines, fd);
	xtn_diag_init(&d);
	xtn_strbuf_init(&out);
	xtn_xml_convert(&lines, &a.o, &out, &d);
	render_flush(&out);
	status = render(&d);
	xtn_strbuf_fini(&out);
	xtn_diag_fini(&d);
	xtn_lines_fini(&lines);
	if (fd)
		close(fd);
	return status;
}
