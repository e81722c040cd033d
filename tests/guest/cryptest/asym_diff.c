/*
 * The asym_diff tests: random keys and messages the host drew with a
 * fixed seed and computed with OpenSSL (tests/guest/cryptest/gen_asym.c,
 * installed as /usr/share/cryptest/asym_vectors.txt), one TA operation
 * per line through CRYPT_CMD_ASYM_OP. Deterministic results (PKCS#1 v1.5
 * signatures, decryptions, shared secrets) must equal OpenSSL's bytes;
 * OpenSSL's signatures must verify and fail once tampered with; the TA's
 * own ECDSA/PSS signatures and OAEP/v1.5 ciphertexts are printed as
 * "@@ASYMD ...@@" lines (asym_export.c's format; an explicit PSS salt
 * length has SALT_EXPLICIT set, as 0 there means the default) for the host
 * to check with OpenSSL (cryp_asym_check). A line ending in "!<error>"
 * must be refused with that GP error (e.g. a plaintext one byte too long).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <crypt_ta.h>

#include "cryptest.h"

#define M_ENCRYPT 0
#define M_DECRYPT 1
#define M_SIGN 2
#define M_VERIFY 3
#define SIG_INVALID 0xFFFF3072u
#define FLAG_PUBLIC (1u << 28)
#define PSS_SALT 0xF0000A30u
#define OAEP_LABEL 0xD0000930u
#define SALT_EXPLICIT 0x80000000u

const char *asym_vectors_path = "/usr/share/cryptest/asym_vectors.txt";

struct acase {
	char *name;
	uint32_t algo, mode, type, nkey, nprm;
	struct asym_attr key[ASYM_MAX_ATTRS], prm[ASYM_MAX_ATTRS];
	uint8_t in[600], aux[600], want[600];
	size_t in_len, aux_len, want_len;
	uint32_t refused; /* the GP error the TA must return; 0: success */
	char *in_hex;
};

static bool parse(char *line, struct acase *c)
{
	char *tok[32];
	int n = 0, t = 5;

	for (char *s = strtok(line, " \n"); s && n < 32;
	     s = strtok(NULL, " \n"))
		tok[n++] = s;
	if (n < 9)
		return false;
	c->name = tok[0];
	if (!hex_u32(tok[1], &c->algo) || !hex_u32(tok[2], &c->mode) ||
	    !hex_u32(tok[3], &c->type))
		return false;
	t = 4;
	if (!asym_parse_attrs(tok, n, &t, c->key, &c->nkey) ||
	    !asym_parse_attrs(tok, n, &t, c->prm, &c->nprm))
		return false;
	c->refused = 0;
	if (t + 4 == n &&
	    (tok[t + 3][0] != '!' || !hex_u32(tok[t + 3] + 1, &c->refused) ||
	     !c->refused))
		return false;
	if (t + 3 != n && t + 4 != n)
		return false;
	c->in_hex = tok[t];
	return hex_bytes(tok[t], c->in, sizeof(c->in), &c->in_len) &&
	       hex_bytes(tok[t + 1], c->aux, sizeof(c->aux), &c->aux_len) &&
	       hex_bytes(tok[t + 2], c->want, sizeof(c->want), &c->want_len);
}

/* One operation; the GP result, or a communication failure (~0). */
static uint32_t op_run(TEEC_Session *s, const struct acase *c,
		       const uint8_t *aux, uint8_t *out, size_t *out_len)
{
	struct asym_req r = {
		.algo = c->algo,
		.mode = c->mode,
		.type = c->type,
		.nkey = c->nkey,
		.nprm = c->nprm,
		.key = c->key,
		.prm = c->prm,
		.in = c->in,
		.in_len = c->in_len,
		.aux = aux,
		.aux_len = c->aux_len,
	};
	size_t len = asym_req_build(&r);
	uint32_t gp;

	if (len > CRYPT_ASYM_OP_MAX ||
	    asym_req_send(s, len, &gp, out, out_len) != TEEC_SUCCESS)
		return ~0u;
	return gp;
}

static void print_hex(const uint8_t *b, size_t n)
{
	if (!n)
		fputs("-", stdout);
	for (size_t i = 0; i < n; i++)
		printf("%02x", b[i]);
}

/* The TA's output for the host, in asym_export.c's line format. */
static void export(const struct acase *c, const uint8_t *out, size_t len)
{
	uint32_t salt = 0, n = 0;
	const struct asym_attr *label = NULL;

	for (uint32_t i = 0; i < c->nprm; i++) {
		if (c->prm[i].id == PSS_SALT && hex_u32(c->prm[i].hex, &salt))
			salt |= SALT_EXPLICIT;
		if (c->prm[i].id == OAEP_LABEL)
			label = &c->prm[i];
	}
	for (uint32_t i = 0; i < c->nkey; i++)
		n += c->mode != M_SIGN || (c->key[i].id & FLAG_PUBLIC);
	printf("@@ASYMD %s %08x %08x %08x %08x", c->name, c->algo, c->mode,
	       salt, n);
	for (uint32_t i = 0; i < c->nkey; i++)
		if (c->mode != M_SIGN || (c->key[i].id & FLAG_PUBLIC))
			printf(" %08x=%s", c->key[i].id, c->key[i].hex);
	printf(" %s %s ", label ? label->hex : "-", c->in_hex);
	print_hex(out, len);
	printf("@@\n");
}

/* Runs c (one line) and checks the TA's answer; *r, *len: its result. */
static bool run_case(TEEC_Session *s, struct acase *c, uint8_t *out,
		     size_t *len, uint32_t *r)
{
	size_t cap = *len;

	*r = op_run(s, c, c->aux, out, len);
	if (c->refused)
		return *r == c->refused;
	switch (c->mode) {
	case M_VERIFY:
		if (*r || !c->aux_len)
			return !*r;
		c->aux[c->aux_len - 1] ^= 1; /* tampered */
		*len = cap;
		*r = op_run(s, c, c->aux, out, len);
		return *r == SIG_INVALID;
	case M_ENCRYPT:
		return !*r;
	case M_SIGN:
		/* PKCS#1 v1.5 signatures are exact, others go back. */
		return !*r && (!c->want_len || (*len == c->want_len &&
						!memcmp(out, c->want, *len)));
	}
	return !*r && *len == c->want_len && !memcmp(out, c->want, *len);
}

/* Time per group of lines (the name up to its first '-': rsa4096). */
struct timing {
	char group[16];
	size_t n;
	double s;
};

static void timed(struct timing *t, size_t cap, const char *name, double s)
{
	size_t g = strcspn(name, "-"), i;

	for (i = 0; i < cap && t[i].n; i++)
		if (strlen(t[i].group) == g && !strncmp(t[i].group, name, g))
			break;
	if (i == cap || g >= sizeof(t[i].group))
		return;
	if (!t[i].n)
		memcpy(t[i].group, name, g);
	t[i].n++;
	t[i].s += s;
}

static void run_prefix(const char *prefix, size_t min_cases)
{
	static uint8_t out[1024];
	static struct acase c;
	static struct timing tm[8];
	FILE *f = fopen(asym_vectors_path, "r");
	size_t cap = 0, n = 0, ok = 0, exported = 0, lineno = 0;
	char *line = NULL, seed[40] = "?";
	double start = now_s();
	TEEC_Context ctx;
	TEEC_Session s;

	if (!f) {
		expect(false, "cannot open %s", asym_vectors_path);
		return;
	}
	if (!open_crypt(&ctx, &s)) {
		fclose(f);
		return;
	}
	while (getline(&line, &cap, f) > 0) {
		size_t len = sizeof(out);
		double t0 = now_s();
		uint32_t r;
		bool good;

		lineno++;
		if (sscanf(line, "# asym_diff vectors, seed %39s", seed) == 1)
			seed[strcspn(seed, ",")] = 0;
		if (line[0] == '#' || strncmp(line, prefix, strlen(prefix)))
			continue;
		n++;
		if (!parse(line, &c)) {
			expect(false, "seed %s line %zu: malformed", seed,
			       lineno);
			continue;
		}
		good = run_case(&s, &c, out, &len, &r);
		if (r == 0 && !c.refused &&
		    (c.mode == M_ENCRYPT ||
		     (c.mode == M_SIGN && !c.want_len))) {
			export(&c, out, len);
			exported++;
		}
		expect(good,
		       "seed %s case %s (mode %u): result 0x%x, %zu bytes%s",
		       seed, c.name, c.mode, r, len,
		       c.refused ? " (must be refused)" : "");
		ok += good;
		timed(tm, ARRAY_SIZE(tm), c.name, now_s() - t0);
	}
	fflush(stdout);
	free(line);
	fclose(f);
	expect(n >= min_cases, "only %zu %s cases", n, prefix);
	note("seed %s: %zu of %zu cases right, %zu sent to the host, %.1f s",
	     seed, ok, n, exported, now_s() - start);
	for (size_t i = 0; i < ARRAY_SIZE(tm) && tm[i].n && tm[1].n; i++)
		note("; %s %zu in %.1f s", tm[i].group, tm[i].n, tm[i].s);
	close_crypt(&ctx, &s);
}

void t_asym_diff_ecdsa(void)
{
	run_prefix("ecdsa-", 300);
}

void t_asym_diff_ecdh(void)
{
	run_prefix("ecdh-", 200);
}

void t_asym_diff_x25519(void)
{
	run_prefix("x25519-", 200);
}

/* Every modulus size: rsa1024-, rsa2048-, ... */
void t_asym_diff_rsa(void)
{
	run_prefix("rsa", 300);
}
