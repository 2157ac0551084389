/*
 * The fetch plan: the most a command may ask the kernel, decided from the
 * command alone (the generation id and a table probe are always allowed).
 * It is the spec behind "a single append must not fetch the ruleset":
 * test-exec runs every kind of command against a fake kernel and checks
 * that what exec really asks stays within it.
 */
#include <string.h>
#include <xtnft/exec.h>
#include <xtnft/model.h>

static void name(struct xtn_plan *p, const char *chain)
{
	if (chain && p->n_chains < 2)
		p->chains[p->n_chains++] = chain;
}

static const char *jump_target(const struct xtn_cmd *c)
{
	if (!c->rule)
		return NULL;
	if (c->rule->verdict == XTN_V_JUMP || c->rule->verdict == XTN_V_GOTO)
		return c->rule->chain;
	return NULL;
}

void xtn_plan_cmd(const struct xtn_cmd *c, struct xtn_plan *p)
{
	memset(p, 0, sizeof(*p));
	if (c->op & (XTN_CMD_LIST | XTN_CMD_LIST_RULES)) {
		p->level = c->chain ? XTN_FETCH_CHAIN_RULES : XTN_FETCH_TABLE;
		name(p, c->chain);
		return;
	}
	switch (c->op) {
	case XTN_CMD_APPEND:
		p->level = XTN_FETCH_CHAINS;
		name(p, c->chain);
		name(p, jump_target(c));
		return;
	case XTN_CMD_INSERT:
		p->level = c->rulenum > 1 ? XTN_FETCH_CHAIN_RULES : XTN_FETCH_CHAINS;
		name(p, c->chain);
		name(p, jump_target(c));
		return;
	case XTN_CMD_DELETE:
	case XTN_CMD_CHECK:
	case XTN_CMD_REPLACE:
		p->level = XTN_FETCH_CHAIN_RULES;
		name(p, c->chain);
		name(p, jump_target(c));
		return;
	case XTN_CMD_DELETE_NUM:
	case XTN_CMD_ZERO_NUM:
		p->level = XTN_FETCH_CHAIN_RULES;
		name(p, c->chain);
		return;
	case XTN_CMD_SET_POLICY:
		/* NEWCHAIN with NLM_F_CREATE creates or updates; the chain is
		 * asked for only to send what 1.8.9 sends (an add first if
		 * it is not there) */
		p->level = XTN_FETCH_CHAINS;
		name(p, c->chain);
		return;
	case XTN_CMD_NEW_CHAIN:
	case XTN_CMD_FLUSH:
	case XTN_CMD_ZERO:
	case XTN_CMD_DELETE_CHAIN:
		if (!c->chain) {
			p->level = c->op == XTN_CMD_FLUSH && !c->verbose ?
				   XTN_FETCH_NONE : XTN_FETCH_TABLE;
			return;
		}
		p->level = c->op == XTN_CMD_ZERO ? XTN_FETCH_CHAIN_RULES :
						   XTN_FETCH_CHAINS;
		name(p, c->chain);
		return;
	case XTN_CMD_RENAME_CHAIN:
		p->level = XTN_FETCH_CHAINS;
		name(p, c->newname);
		name(p, c->chain);
		return;
	}
}
