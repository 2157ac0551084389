/*
 * Turning a recorded diagnostic into iptables 1.8.9's exact stderr bytes and
 * exit status.  The library keeps richer data (argv positions, columns);
 * this is the only place that decides how it looks.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <xtnft/diag.h>
#include <xtnft/family.h>
#include <xtnft/util.h>
#include <xtnft/dialect.h>
#include "tools.h"

const char *tool_basename(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static void try_help(const struct xtn_diag *d, const char *prog, bool restore)
{
	if (restore && d->loc.line)
		fprintf(stderr, "Error occurred at line: %u\n", d->loc.line);
	fprintf(stderr, "Try `%s -h' or '%s --help' for more information.\n",
		prog, prog);
}

static void render_kernel(const struct xtn_diag *d, const char *prog,
			  bool restore)
{
	char buf[1024];
	size_t len = 0;
	unsigned int i;

	if (!restore) {
		fprintf(stderr, "%s v%s (nf_tables):  %s\n", prog,
			XTN_COMPAT_VERSION, d->n_kerrs ? d->kerrs[0].text : "");
		return;
	}
	/*
	 * iptables-restore collects "\nline N: ..." entries in a 1 KiB
	 * buffer: an entry that does not fit is cut and the next one is
	 * written over it, so 100k failures still print a dozen lines.
	 */
	buf[0] = '\0';
	for (i = 0; i < d->n_kerrs; i++) {
		int n = snprintf(buf + len, sizeof(buf) - len, "\nline %u: %s",
				 d->kerrs[i].line, d->kerrs[i].text);

		if (n > 0 && (size_t)n < sizeof(buf) - len)
			len += (size_t)n;
	}
	fprintf(stderr, "%s v%s (nf_tables): %s\n", prog, XTN_COMPAT_VERSION,
		buf);
}

void render_warnings(const struct xtn_diag *d)
{
	unsigned int i;

	fflush(stdout);
	for (i = 0; i < d->n_warnings; i++)
		fprintf(stderr, "%s\n", d->warnings[i]);
}

int render_diag(const struct xtn_diag *d, const struct xtn_dialect *dl,
		const char *prog, bool restore)
{
	render_warnings(d);
	if (!d->status)
		return 0;
	switch (d->style) {
	case XTN_DS_XTABLES:
		fprintf(stderr, "%s v%s (nf_tables): %s\n", prog,
			XTN_COMPAT_VERSION, d->msg);
		if (d->status == XTN_PARAM)
			try_help(d, prog, restore);
		else if (d->status == XTN_VERSION)
			fprintf(stderr, "Perhaps %s or your kernel needs to be upgraded.\n",
				prog);
		break;
	case XTN_DS_BARE_TRYHELP:
		fputs(d->msg, stderr);
		try_help(d, prog, restore);
		break;
	case XTN_DS_ERRNO:
		if (restore && dl->restore_commit_failed)
			fprintf(stderr, "%s v%s (nf_tables): %s: final implicit COMMIT failed\n",
				prog, XTN_COMPAT_VERSION, prog);
		else if (restore && d->loc.line)
			fprintf(stderr, "%s: line %u failed: %s.\n", prog,
				d->loc.line, d->msg);
		else
			fprintf(stderr, "%s: %s%s%s\n", prog, d->msg,
				dl->errno_period ? "." : "",
				d->dmesg_hint ? " Run `dmesg' for more information." : "");
		break;
	case XTN_DS_KERNEL:
		render_kernel(d, prog, restore);
		break;
	case XTN_DS_PROG:
		fprintf(stderr, "%s: %s\n", prog, d->msg);
		break;
	}
	return d->status;
}

void render_flush(struct xtn_strbuf *out)
{
	if (out->len)
		fwrite(out->buf, 1, out->len, stdout);
	fflush(stdout);
	xtn_strbuf_reset(out);
}

void render_legacy_warning(const struct xtn_family *fam, bool save)
{
	FILE *f = fam->legacy_names ? fopen(fam->legacy_names, "re") : NULL;
	int c;

	if (!f)
		return;
	c = fgetc(f);
	fclose(f);
	if (c != EOF)
		fprintf(stderr, "# Warning: %s tables present, use %s%s to see them\n",
			fam->legacy_tool, fam->legacy_tool, save ? "-save" : "");
}

/*
 * With -v, after iptables' own line: which words of the command line the
 * expression the kernel refused came from (ext-ack), and the kernel's
 * reason when it gave one.  Without -v the output stays 1.8.9's.
 */
void render_kernel_origin(const struct xtn_diag *d, int argc, char **argv)
{
	const struct xtn_kerr *k;
	int i;

	if (d->style != XTN_DS_KERNEL || !d->n_kerrs)
		return;
	k = &d->kerrs[0];
	if (k->has_loc && k->loc.arg_first > 0 && k->loc.arg_first < argc) {
		fputs("xtnft: the kernel refused the part of the rule from:", stderr);
		for (i = k->loc.arg_first; i <= k->loc.arg_last && i < argc; i++)
			fprintf(stderr, " %s", argv[i]);
		fputc('\n', stderr);
	}
	if (k->kmsg)
		fprintf(stderr, "xtnft: kernel says: %s\n", k->kmsg);
}
