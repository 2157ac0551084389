/* An nft --debug=netlink style dump of a rule's expressions. */
#include <netinet/in.h>
#include <stdio.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <xtnft/codec.h>
#include <xtnft/util.h>

static int dump_expr(struct nftnl_expr *x, void *data)
{
	struct xtn_strbuf *out = data;
	char buf[4096];

	nftnl_expr_snprintf(buf, sizeof(buf), x, NFTNL_OUTPUT_DEFAULT, 0);
	xtn_strbuf_printf(out, "  [ %s ]\n", buf);
	return 0;
}

void xtn_codec_dump(const struct nftnl_rule *nr, struct xtn_strbuf *out)
{
	nftnl_expr_foreach((struct nftnl_rule *)nr, dump_expr, out);
}
