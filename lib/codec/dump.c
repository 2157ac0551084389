/* An nft --debug=netlink style dump of a rule's expressions. */
#include <stdlib.h>
#include <string.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/util.h>

void xtn_codec_dump(const struct nftnl_rule *nr, struct xtn_strbuf *out)
{
	size_t cap = 4096;
	char *buf = NULL, *body;
	int n;

	/* libnftnl's own rule printer: "<family> <table> <chain>\n" and one
	 * "  [ name ... ]" line per expression.  It is what nft --debug
	 * prints, so goldens from the oracle compare with it line by line. */
	for (;;) {
		buf = xtn_xrealloc(buf, cap);
		n = nftnl_rule_snprintf(buf, cap, nr, NFTNL_OUTPUT_DEFAULT, 0);
		if (n < 0) {
			buf[0] = '\0';
			break;
		}
		if ((size_t)n < cap - 1)
			break;
		cap *= 2;
	}
	body = strchr(buf, '\n');
	if (body)
		xtn_strbuf_puts(out, body + 1);
	free(buf);
}
