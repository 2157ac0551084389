/*
 * The fetch plan: the most a command may ask the kernel, decided from the
 * command alone (the generation id and a table probe are always allowed).
 * It is the spec behind "a single append must not fetch the ruleset", and
 * exec holds to it: every read a command makes asks xtn_plan_allows()
 * first, and a read outside the plan is refused (test-exec runs every
 * kind of command against a fake kernel).
 */
#include <stdbool.h>
#include <string.h>
#include <xtnft/exec.h>
#include <xtnft/family.h>
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

/*
 * ebtables keeps a user chain's policy as the chain's last rule: a command
 * that changes the chain's rules or policy reads them (to take that rule
 * out and put it back last), and one that works on every chain reads the
 * whole table.
 */
static void bridge_policies(const struct xtn_cmd *c, struct xtn_plan *p)
{
	switch (c->op) {
	case XTN_CMD_APPEND:
	case XTN_CMD_INSERT:
	case XTN_CMD_SET_POLICY:
	case XTN_CMD_NEW_CHAIN | XTN_CMD_SET_POLICY:
	case XTN_CMD_FLUSH:
	case XTN_CMD_DELETE_CHAIN:
	case XTN_CMD_RENAME_CHAIN:
		if (!c->chain)
			p->level = XTN_FETCH_TABLE;
		else if (p->level < XTN_FETCH_CHAIN_RULES)
			p->level = XTN_FETCH_CHAIN_RULES;
		break;
	default:
		break;
	}
}

static void plan_of(const struct xtn_cmd *c, struct xtn_plan *p)
{
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
	case XTN_CMD_TABLE_FLUSH:	/* ebtables --init-table */
		p->level = XTN_FETCH_TABLE;
		return;
	case XTN_CMD_NEW_CHAIN | XTN_CMD_SET_POLICY:	/* ebtables -N C -P P */
		p->level = XTN_FETCH_CHAINS;
		name(p, c->chain);
		return;
	default:
		return;
	}
}

void xtn_plan_cmd(const struct xtn_cmd *c, struct xtn_plan *p)
{
	memset(p, 0, sizeof(*p));
	plan_of(c, p);
	if (c->fam && c->fam->bit == XTN_FAM_BRIDGE)
		bridge_policies(c, p);
}

bool xtn_plan_allows(const struct xtn_plan *p, enum xtn_fetch_level what,
		     const char *chain)
{
	unsigned int i;

	if (p->level == XTN_FETCH_TABLE)
		return true;
	if (what > p->level || !chain)
		return false;
	for (i = 0; i < p->n_chains; i++)
		if (strcmp(p->chains[i], chain) == 0)
			return true;
	return false;
}
