/*
 * The differential vectors: random keys, IVs and messages the host drew
 * with a fixed seed and computed with OpenSSL
 * (tests/guest/cryptest/gen_vectors.c), one line each in the format of
 * kat_vectors.c plus the seed that cuts the input into pieces. Each class
 * is one test.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cryptest.h"

const char *vectors_path = "/usr/share/cryptest/vectors.txt";

static void run_class(uint32_t cls)
{
	FILE *f = fopen(vectors_path, "r");
	size_t cap = 0, n = 0, ok = 0;
	char *line = NULL;
	TEEC_Context ctx;
	TEEC_Session s;

	if (!f) {
		expect(false, "cannot open %s", vectors_path);
		return;
	}
	if (!open_crypt(&ctx, &s)) {
		fclose(f);
		return;
	}
	while (getline(&line, &cap, f) > 0) {
		struct vec v;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (!vec_parse(line, &v)) {
			expect(false, "bad line after %zu vectors", n);
			continue;
		}
		/* OP-TEE's extensions (class 0xF) here are MACs. */
		if ((v.algo >> 28 == 0xF ? 3 : v.algo >> 28) == cls) {
			n++;
			ok += vec_run(&s, &v, v.seed, 0);
		}
		vec_free(&v);
	}
	free(line);
	fclose(f);
	expect(n >= 100, "only %zu vectors of class %u", n, cls);
	note("%zu of %zu vectors right", ok, n);
	close_crypt(&ctx, &s);
}

void t_vec_digest(void)
{
	run_class(5);
}

void t_vec_mac(void)
{
	run_class(3);
}

void t_vec_cipher(void)
{
	run_class(1);
}

void t_vec_ae(void)
{
	run_class(4);
}
