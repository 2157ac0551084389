/*
 * errno -> text, the way iptables-nft's nft_strerror() words it: entries
 * tied to an operation first, then the generic ones, then strerror().
 */
#include <errno.h>
#include <string.h>
#include <xtnft/diag.h>
#include <xtnft/util.h>

struct errmsg {
	int op;			/* enum xtn_errop; XTN_EOP_ANY matches all */
	int err;
	const char *text;
};

static const struct errmsg errmsgs[] = {
	{ XTN_EOP_CHAIN_DEL, ENOTEMPTY, "Chain is not empty" },
	{ XTN_EOP_CHAIN_DEL, EINVAL, "Can't delete built-in chain" },
	{ XTN_EOP_CHAIN_DEL, EBUSY, "Directory not empty" },
	{ XTN_EOP_CHAIN_DEL, EMLINK, "Can't delete chain with references left" },
	{ XTN_EOP_NEW_CHAIN, EEXIST, "Chain already exists" },
	{ XTN_EOP_RENAME, EEXIST, "File exists" },
	{ XTN_EOP_INSERT, E2BIG, "Index of insertion too big" },
	{ XTN_EOP_CHECK, ENOENT, "Bad rule (does a matching rule exist in that chain?)" },
	{ XTN_EOP_REPLACE, E2BIG, "Index of replacement too big" },
	{ XTN_EOP_DELETE_NUM, E2BIG, "Index of deletion too big" },
	{ XTN_EOP_DELETE, ENOENT, "Bad rule (does a matching rule exist in that chain?)" },
	{ XTN_EOP_POLICY, ENOENT, "Bad built-in chain name" },
	{ XTN_EOP_POLICY, EINVAL, "Bad policy name" },
	{ XTN_EOP_POLICY, ENXIO, "Bad table name" },
	{ XTN_EOP_ANY, ELOOP, "Loop found in table" },
	{ XTN_EOP_ANY, EPERM, "Permission denied (you must be root)" },
	{ XTN_EOP_ANY, ENOPROTOOPT, "iptables who? (do you need to insmod?)" },
	{ XTN_EOP_ANY, ENOMEM, "Memory allocation problem" },
	{ XTN_EOP_ANY, ENOENT, "No chain/target/match by that name" },
};

const char *xtn_errmsg(int op, int err)
{
	size_t i;

	for (i = 0; i < XTN_ARRAY_SIZE(errmsgs); i++) {
		if ((errmsgs[i].op == XTN_EOP_ANY || errmsgs[i].op == op) &&
		    errmsgs[i].err == err)
			return errmsgs[i].text;
	}
	return strerror(err);
}
