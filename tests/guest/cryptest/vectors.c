/*
 * Vector files, one class per test:
 *   vec_*   the differential vectors: random keys, IVs and messages the
 *           host drew with a fixed seed and computed with OpenSSL
 *           (tests/guest/cryptest/gen_vectors.c);
 *   cavs_*  NIST CAVS response files (and the RFC examples next to them)
 *           from python3-cryptography-vectors, converted on the host by
 *           tests/guest/cryptest/cavs_sym.py.
 * One line each in the format of kat_vectors.c plus the seed that cuts
 * the input into pieces. cavs_sym.py also writes "#skip <class> <family>
 * <count> <reason>" lines for the cases it left out.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cryptest.h"

const char *vectors_path = "/usr/share/cryptest/vectors.txt";
const char *cavs_path = "/usr/share/cryptest/cavs_vectors.txt";

/* Cases per family: the label up to its first '_'. */
struct family {
	char name[16];
	size_t ran, ok, skipped;
};

#define MAX_FAMILIES 12

static struct family *family(struct family *f, size_t *n, const char *label)
{
	size_t len = strcspn(label, "_");

	if (len >= sizeof(f->name))
		len = sizeof(f->name) - 1;
	for (size_t i = 0; i < *n; i++)
		if (strlen(f[i].name) == len && !strncmp(f[i].name, label, len))
			return &f[i];
	if (*n == MAX_FAMILIES)
		return &f[MAX_FAMILIES - 1]; /* lumped; never with our files */
	memcpy(f[*n].name, label, len);
	f[*n].name[len] = 0;
	return &f[(*n)++];
}

static unsigned int class_of(uint32_t algo)
{
	/* OP-TEE's extensions (class 0xF) here are MACs. */
	return algo >> 28 == 0xF ? 3 : algo >> 28;
}

/*
 * Runs the lines of class @cls in @path; fails below @min cases. With
 * @by_family, notes the cases per family. A "#error <why>" line (the host
 * could not make the file) fails the test with that reason.
 */
static void run_file(const char *path, unsigned int cls, size_t min,
		     bool by_family)
{
	FILE *f = fopen(path, "r");
	struct family fam[MAX_FAMILIES] = {0};
	size_t cap = 0, n = 0, ok = 0, nfam = 0;
	char *line = NULL;
	TEEC_Context ctx;
	TEEC_Session s;

	if (!f) {
		expect(false, "cannot open %s", path);
		return;
	}
	if (!open_crypt(&ctx, &s)) {
		fclose(f);
		return;
	}
	while (getline(&line, &cap, f) > 0) {
		unsigned int c, count;
		char name[16];
		struct vec v;

		if (sscanf(line, "#skip %u %15s %u", &c, name, &count) == 3) {
			if (c == cls)
				family(fam, &nfam, name)->skipped += count;
			continue;
		}
		if (!strncmp(line, "#error ", 7)) {
			line[strcspn(line, "\n")] = 0;
			expect(false, "%s", line + 7);
			continue;
		}
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (!vec_parse(line, &v)) {
			expect(false, "bad line after %zu vectors", n);
			continue;
		}
		if (class_of(v.algo) == cls) {
			struct family *fm = family(fam, &nfam, v.label);
			bool right = vec_run(&s, &v, v.seed, 0);

			n++;
			ok += right;
			fm->ran++;
			fm->ok += right;
		}
		vec_free(&v);
	}
	free(line);
	fclose(f);
	expect(n >= min, "only %zu vectors of class %u in %s", n, cls, path);
	note("%zu of %zu vectors right", ok, n);
	for (size_t i = 0; by_family && i < nfam; i++) {
		note("%s %s %zu/%zu", i ? "," : ":", fam[i].name, fam[i].ok,
		     fam[i].ran);
		if (fam[i].skipped)
			note(" (%zu skipped)", fam[i].skipped);
	}
	close_crypt(&ctx, &s);
}

void t_vec_digest(void)
{
	run_file(vectors_path, 5, 100, false);
}

void t_vec_mac(void)
{
	run_file(vectors_path, 3, 100, false);
}

void t_vec_cipher(void)
{
	run_file(vectors_path, 1, 100, false);
}

void t_vec_ae(void)
{
	run_file(vectors_path, 4, 100, false);
}

void t_cavs_digest(void)
{
	run_file(cavs_path, 5, 1, true);
}

void t_cavs_mac(void)
{
	run_file(cavs_path, 3, 1, true);
}

void t_cavs_cipher(void)
{
	run_file(cavs_path, 1, 1, true);
}

void t_cavs_ae(void)
{
	run_file(cavs_path, 4, 1, true);
}
