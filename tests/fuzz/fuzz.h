/* The fuzz targets: one row per tool whose input is fuzzed. */
#ifndef XTNFT_TESTS_FUZZ_H
#define XTNFT_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

struct xtn_family;

struct fuzz_target {
	const char *prog;		/* the tool, as argv[0] */
	const struct xtn_family *fam;
	void (*run)(const struct fuzz_target *t, const uint8_t *d, size_t n);
};

extern const struct fuzz_target fuzz_targets[];
extern const size_t fuzz_n_targets;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
