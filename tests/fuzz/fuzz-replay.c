/*
 * Replays fuzz inputs (files, or every file of a directory) through the
 * fuzz harness without libFuzzer: make check runs the seed corpus and every
 * input that ever failed (tests/fuzz/regressions) under ASan and UBSan.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, got;

	if (!f) {
		perror(path);
		return -1;
	}
	do {
		if (len == cap) {
			cap = cap ? 2 * cap : 4096;
			buf = realloc(buf, cap);
			if (!buf)
				abort();
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
	} while (got);
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int replay(const char *path, unsigned int *n)
{
	struct stat st;
	struct dirent *de;
	char sub[4096];
	DIR *d;
	int ret = 0;

	if (stat(path, &st) < 0) {
		perror(path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*n)++;
		return replay_file(path);
	}
	d = opendir(path);
	if (!d)
		return -1;
	while ((de = readdir(d)) && ret == 0) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
		ret = replay(sub, n);
	}
	closedir(d);
	return ret;
}

int main(int argc, char **argv)
{
	unsigned int n = 0;
	int i;

	for (i = 1; i < argc; i++)
		if (replay(argv[i], &n) < 0)
			return 1;
	printf("replayed %u inputs\n", n);
	return 0;
}
