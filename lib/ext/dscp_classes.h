/* DiffServ class names (RFC 2474/2597/3246) as iptables' --dscp-class and
 * --set-dscp-class read them: CSn, BE, AFxy, EF, case-insensitive. */
#ifndef XTNFT_EXT_DSCP_CLASSES_H
#define XTNFT_EXT_DSCP_CLASSES_H

#include <stdint.h>

/* The codepoint of a class name, or -1. */
int xtn_dscp_class(const char *name);

#endif
