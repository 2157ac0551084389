/*
 * The syslog level names 1.8.9's LOG target reads (its own table, defined
 * in tg_LOG.c), which ebtables' --log-level reads too, all but "panic".
 * Sorted by name, so the first entry of a level is its canonical name.
 */
#ifndef XTNFT_EXT_LOG_LEVELS_H
#define XTNFT_EXT_LOG_LEVELS_H

#include <xtnft/ext.h>

extern const struct xtn_sym xtn_log_level_names[];

#endif
