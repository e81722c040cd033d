/*
 * The fips186_* and kas_ecc_cdh tests: NIST CAVS known answers (FIPS
 * 186-3 ECDSA SigVer/SigGen/PKV, FIPS 186-2/-3 RSA PKCS#1 v1.5 and PSS
 * SigVer/SigGen, SP 800-56A KAS ECC CDH), converted on the host by
 * tests/guest/cryptest/cavs_asym.py into /usr/share/cryptest/fips186.txt
 * (format described there), one TA operation per case through
 * CRYPT_CMD_ASYM_OP. Each case must give its verdict: P TEE_SUCCESS (and
 * the expected bytes; a verified signature tampered with must then fail),
 * F TEE_ERROR_SIGNATURE_INVALID (a derive: refused, by a TA panic as GP
 * has TEE_DeriveKey do, or another secret), S the TA's own signature
 * verifies. Any other answer is a failure, and so is a test with no case.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <crypt_ta.h>

#include "cryptest.h"

#define M_SIGN 2
#define M_VERIFY 3
#define M_DERIVE 6
#define MAX_BYTES 528 /* RSA-4096 values and signatures */
#define SIG_INVALID 0xFFFF3072u
#define BAD_PARAMS 0xFFFF0006u
#define MAX_NOTED 12 /* failed cases printed in full */

static const char *fips186_path = "/usr/share/cryptest/fips186.txt";

struct fcase {
	char *test, *label, verdict;
	uint32_t algo, mode, type, nkey, nprm;
	struct asym_attr key[ASYM_MAX_ATTRS], prm[ASYM_MAX_ATTRS];
	uint8_t in[128], sig[MAX_BYTES], want[MAX_BYTES];
	size_t in_len, sig_len, want_len;
};

/* The counts a test prints. */
struct tally {
	size_t cases, right, pass, fail, refused_panic, refused_key,
		other_secret, skipped;
	char skip_why[160];
};

struct conn {
	TEEC_Context ctx;
	TEEC_Session s;
	bool open;
};

static bool parse(char *line, struct fcase *c)
{
	char *tok[40];
	int n = 0, t = 6;

	for (char *s = strtok(line, " \n"); s && n < 40;
	     s = strtok(NULL, " \n"))
		tok[n++] = s;
	if (n < 11 || strlen(tok[2]) != 1)
		return false;
	c->test = tok[0];
	c->label = tok[1];
	c->verdict = tok[2][0];
	if (!hex_u32(tok[3], &c->algo) || !hex_u32(tok[4], &c->mode) ||
	    !hex_u32(tok[5], &c->type) ||
	    !asym_parse_attrs(tok, n, &t, c->key, &c->nkey) ||
	    !asym_parse_attrs(tok, n, &t, c->prm, &c->nprm) || t + 3 != n)
		return false;
	return hex_bytes(tok[t], c->in, sizeof(c->in), &c->in_len) &&
	       hex_bytes(tok[t + 1], c->sig, sizeof(c->sig), &c->sig_len) &&
	       hex_bytes(tok[t + 2], c->want, sizeof(c->want), &c->want_len);
}

static bool conn_open(struct conn *k)
{
	if (!k->open)
		k->open = open_crypt(&k->ctx, &k->s);
	return k->open;
}

static void conn_close(struct conn *k)
{
	if (k->open)
		close_crypt(&k->ctx, &k->s);
	k->open = false;
}

/*
 * One operation in @mode with signature @sig; the TEEC result (a TA
 * panic closes the session: the next call opens another), the GP result
 * in *gp, the output in out/out_len.
 */
static TEEC_Result op_run(struct conn *k, const struct fcase *c, uint32_t mode,
			  const uint8_t *sig, size_t sig_len, uint32_t *gp,
			  uint8_t *out, size_t *out_len)
{
	struct asym_req q = {
		.algo = c->algo,
		.mode = mode,
		.type = c->type,
		.nkey = c->nkey,
		.nprm = c->nprm,
		.key = c->key,
		.prm = c->prm,
		.in = c->in,
		.in_len = c->in_len,
		.aux = sig,
		.aux_len = sig_len,
	};
	size_t len = asym_req_build(&q);
	TEEC_Result r;

	*gp = ~0u;
	if (len > CRYPT_ASYM_OP_MAX)
		return TEEC_ERROR_EXCESS_DATA;
	if (!conn_open(k))
		return TEEC_ERROR_COMMUNICATION;
	r = asym_req_send(&k->s, len, gp, out, out_len);
	if (r == TEEC_ERROR_TARGET_DEAD)
		conn_close(k);
	return r;
}

/* A good signature must verify, and fail once tampered with. */
static bool verify_both(struct conn *k, struct fcase *c, const uint8_t *sig,
			size_t len, char *why, size_t wlen)
{
	static uint8_t bad[MAX_BYTES], out[1024];
	size_t olen = sizeof(out);
	uint32_t gp;
	TEEC_Result r = op_run(k, c, M_VERIFY, sig, len, &gp, out, &olen);

	if (!len) {
		snprintf(why, wlen, "no signature");
		return false;
	}
	if (r || gp) {
		snprintf(why, wlen, "verify: TEEC 0x%x (%s), GP 0x%x", r, rn(r),
			 gp);
		return false;
	}
	memcpy(bad, sig, len);
	bad[len - 1] ^= 0x01;
	olen = sizeof(out);
	r = op_run(k, c, M_VERIFY, bad, len, &gp, out, &olen);
	if (r || gp != SIG_INVALID) {
		snprintf(why, wlen, "tampered: TEEC 0x%x (%s), GP 0x%x", r,
			 rn(r), gp);
		return false;
	}
	return true;
}

/* Refusals: a TA panic (TEE_DeriveKey) or the key not populated. */
static bool refused(TEEC_Result r, struct tally *t)
{
	if (r == TEEC_ERROR_TARGET_DEAD)
		t->refused_panic++;
	else if (r == TEEC_ERROR_BAD_STATE)
		t->refused_key++;
	else
		return false;
	return true;
}

static bool run_case(struct conn *k, struct fcase *c, struct tally *t,
		     char *why, size_t wlen)
{
	static uint8_t out[1024];
	size_t len = sizeof(out);
	uint32_t gp;
	TEEC_Result r =
		op_run(k, c, c->mode, c->sig, c->sig_len, &gp, out, &len);
	bool same;

	snprintf(why, wlen, "TEEC 0x%x (%s), GP 0x%x, %zu bytes", r, rn(r), gp,
		 len);
	if (c->verdict == 'K')
		return refused(r, t) ||
		       (!r && (gp == SIG_INVALID || gp == BAD_PARAMS));
	if (c->verdict == 'F' && c->mode == M_DERIVE) {
		if (refused(r, t))
			return true;
		same = !r && !gp && len == c->want_len &&
		       !memcmp(out, c->want, len);
		t->other_secret += !r && !gp && !same;
		return !r && !same;
	}
	if (r)
		return false;
	if (c->verdict == 'F')
		return gp == SIG_INVALID;
	if (gp)
		return false;
	if (c->verdict == 'S')
		return verify_both(k, c, out, len, why, wlen);
	if (c->mode == M_VERIFY)
		return verify_both(k, c, c->sig, c->sig_len, why, wlen);
	if (len != c->want_len || memcmp(out, c->want, len)) {
		snprintf(why, wlen, "%zu bytes, not the expected %zu", len,
			 c->want_len);
		return false;
	}
	return true;
}

/* "skip <test> <count> <reason>" */
static void add_skip(char *line, const char *test, struct tally *t)
{
	char name[64], why[96];
	unsigned long n;

	if (sscanf(line, "skip %63s %lu %95s", name, &n, why) != 3 ||
	    strcmp(name, test))
		return;
	t->skipped += n;
	snprintf(t->skip_why + strlen(t->skip_why),
		 sizeof(t->skip_why) - strlen(t->skip_why), "%s%lu %s",
		 *t->skip_why ? ", " : "", n, why);
}

static void run_test(const char *test)
{
	static struct fcase c;
	struct conn k = {.open = false};
	struct tally t;
	FILE *f = fopen(fips186_path, "r");
	size_t cap = 0, tlen = strlen(test);
	char *line = NULL, why[160];
	double t0 = now_s();

	memset(&t, 0, sizeof(t));
	if (!f) {
		expect(false,
		       "cannot open %s (NIST CAVS vectors: "
		       "python3-cryptography-vectors, make deps)",
		       fips186_path);
		return;
	}
	while (getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = 0;
		if (!strncmp(line, "error ", 6))
			expect(false, "%s", line);
		if (!strncmp(line, "skip ", 5))
			add_skip(line, test, &t);
		if (strncmp(line, test, tlen) || line[tlen] != ' ')
			continue;
		t.cases++;
		if (!parse(line, &c)) {
			expect(false, "malformed case %zu", t.cases);
			continue;
		}
		t.pass += c.verdict != 'F';
		t.fail += c.verdict == 'F';
		if (run_case(&k, &c, &t, why, sizeof(why))) {
			t.right++;
			continue;
		}
		printf("fips186: %s %s verdict %c: %s\n", test, c.label,
		       c.verdict, why);
		if (t.cases - t.right <= MAX_NOTED)
			expect(false, "%s %c: %s", c.label, c.verdict, why);
		else
			failures++;
	}
	fflush(stdout);
	free(line);
	fclose(f);
	conn_close(&k);
	expect(t.cases > 0, "no %s case in %s", test, fips186_path);
	note("%zu of %zu cases right (%zu expected to pass, %zu to fail)",
	     t.right, t.cases, t.pass, t.fail);
	if (t.refused_panic || t.refused_key || t.other_secret)
		note("; refused by a TA panic %zu, at populate %zu, another "
		     "secret %zu",
		     t.refused_panic, t.refused_key, t.other_secret);
	note("; skipped %zu%s%s%s; %.1f s", t.skipped, t.skipped ? " (" : "",
	     t.skip_why, t.skipped ? ")" : "", now_s() - t0);
}

void t_fips186_ecdsa_sigver(void)
{
	run_test("fips186_ecdsa_sigver");
}

void t_fips186_ecdsa_siggen_verify(void)
{
	run_test("fips186_ecdsa_siggen_verify");
}

void t_fips186_ecc_pkv(void)
{
	run_test("fips186_ecc_pkv");
}

void t_fips186_rsa_sigver15(void)
{
	run_test("fips186_rsa_sigver15");
}

void t_fips186_rsa_sigverpss(void)
{
	run_test("fips186_rsa_sigverpss");
}

void t_fips186_rsa_siggen15(void)
{
	run_test("fips186_rsa_siggen15");
}

void t_fips186_rsa_siggenpss_verify(void)
{
	run_test("fips186_rsa_siggenpss_verify");
}

void t_kas_ecc_cdh(void)
{
	run_test("kas_ecc_cdh");
}
