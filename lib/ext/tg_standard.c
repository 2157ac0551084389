/*
 * The standard target: -j ACCEPT / DROP / RETURN.  It has no options and no
 * data; the verdict lives in the rule and is encoded as an immediate.
 */
#include <xtnft/ext.h>
#include <xtnft/family.h>
#include <xtnft/model.h>

const struct xtn_ext xtn_tg_standard = {
	.name = "standard",
	.kind = XTN_EXT_TARGET,
	.families = XTN_FAM_INET,
	.data_size = 0,
	.help =
"standard match options:\n"
"(If target is DROP, ACCEPT, RETURN or nothing)\n",
};
