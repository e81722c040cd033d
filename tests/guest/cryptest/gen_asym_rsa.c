/*
 * The RSA half of cryp_gen_asym (gen_asym.c has the line format): random
 * cases and the boundaries on fresh OpenSSL keys of several sizes.
 */
#include <openssl/core_names.h>
#include <openssl/rsa.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "gen_asym.h"

#define S_V15_SIG 0
#define S_PSS 1
#define S_OAEP 2
#define S_V15_ENC 3
#define REFUSED 0xFFFF0006u /* TEE_ERROR_BAD_PARAMETERS: too long/big */

/* RSA hash index h: 0 MD5 (OP-TEE's IDs for PSS, OAEP), 1..5 SHA-1..512. */
static const size_t rsa_hlen[] = {16, 20, 28, 32, 48, 64};
static const char *const rsa_hname[] = {"md5",	  "sha1",   "sha224",
					"sha256", "sha384", "sha512"};

static const EVP_MD *rsa_md(int h)
{
	return h ? md_of(h - 1) : EVP_md5();
}

static uint32_t rsa_algo(int scheme, int h)
{
	static const uint32_t v15[] = {0x70001830, 0x70002830, 0x70003830,
				       0x70004830, 0x70005830, 0x70006830};
	static const uint32_t pss[] = {0xF0111930, 0x70212930, 0x70313930,
				       0x70414930, 0x70515930, 0x70616930};
	static const uint32_t oaep[] = {0xF0110230, 0x60210230, 0x60310230,
					0x60410230, 0x60510230, 0x60610230};

	return scheme == S_V15_SIG ? v15[h]
	       : scheme == S_PSS   ? pss[h]
	       : scheme == S_OAEP  ? oaep[h]
				   : 0x60000130;
}

struct rsa_key {
	EVP_PKEY *pk;
	int bits;
	size_t k; /* modulus bytes */
};

/* One TA operation. */
struct rcase {
	int scheme, h, mode;
	int salt;	 /* PSS: -1 no attribute (GP: the digest length) */
	int label;	 /* OAEP: -1 no attribute, else its length (0 empty) */
	size_t mlen;	 /* the plaintext, or the message that is digested */
	uint32_t refuse; /* the error the TA must return; 0: success */
};

/* PSS's encoded message is modBits - 1 bits long (RFC 8017 9.1.1). */
static size_t pss_max_salt(const struct rsa_key *key, int h)
{
	size_t em = ((size_t)key->bits + 6) / 8;

	return em >= rsa_hlen[h] + 2 ? em - rsa_hlen[h] - 2 : 0;
}

static void rsa_attrs(EVP_PKEY *pk, bool priv)
{
	static const uint32_t ids[] = {0xD0000130, 0xD0000230, 0xC0000330,
				       0xC0000430, 0xC0000530, 0xC0000630,
				       0xC0000730, 0xC0000830};
	static const char *const names[] = {OSSL_PKEY_PARAM_RSA_N,
					    OSSL_PKEY_PARAM_RSA_E,
					    OSSL_PKEY_PARAM_RSA_D,
					    OSSL_PKEY_PARAM_RSA_FACTOR1,
					    OSSL_PKEY_PARAM_RSA_FACTOR2,
					    OSSL_PKEY_PARAM_RSA_EXPONENT1,
					    OSSL_PKEY_PARAM_RSA_EXPONENT2,
					    OSSL_PKEY_PARAM_RSA_COEFFICIENT1};

	for (int i = 0; i < (priv ? 8 : 2); i++) {
		BIGNUM *v = NULL;

		if (EVP_PKEY_get_bn_param(pk, names[i], &v) != 1)
			die("rsa param");
		attr_bn(ids[i], v, 0);
		BN_free(v);
	}
}

/* OpenSSL's signature (PKCS#1 v1.5 or PSS with c's salt) of d. */
static bool ossl_sign(EVP_PKEY_CTX *ctx, const struct rcase *c,
		      const uint8_t *d, size_t dlen, uint8_t *out, size_t *n)
{
	bool pss = c->scheme == S_PSS;

	return EVP_PKEY_sign_init(ctx) == 1 &&
	       EVP_PKEY_CTX_set_rsa_padding(ctx, pss ? RSA_PKCS1_PSS_PADDING
						     : RSA_PKCS1_PADDING) ==
		       1 &&
	       EVP_PKEY_CTX_set_signature_md(ctx, rsa_md(c->h)) == 1 &&
	       (!pss ||
		(EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, rsa_md(c->h)) == 1 &&
		 EVP_PKEY_CTX_set_rsa_pss_saltlen(
			 ctx, c->salt < 0 ? (int)dlen : c->salt) == 1)) &&
	       EVP_PKEY_sign(ctx, out, n, d, dlen) == 1;
}

static bool ossl_encrypt(EVP_PKEY_CTX *ctx, const struct rcase *c,
			 const uint8_t *label, size_t llen, const uint8_t *m,
			 uint8_t *out, size_t *n)
{
	bool oaep = c->scheme == S_OAEP;

	return EVP_PKEY_encrypt_init(ctx) == 1 &&
	       EVP_PKEY_CTX_set_rsa_padding(ctx, oaep ? RSA_PKCS1_OAEP_PADDING
						      : RSA_PKCS1_PADDING) ==
		       1 &&
	       (!oaep ||
		(EVP_PKEY_CTX_set_rsa_oaep_md(ctx, rsa_md(c->h)) == 1 &&
		 EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, rsa_md(c->h)) == 1 &&
		 (!llen || EVP_PKEY_CTX_set0_rsa_oaep_label(
				   ctx, OPENSSL_memdup(label, llen),
				   (int)llen) == 1))) &&
	       EVP_PKEY_encrypt(ctx, out, n, m, c->mlen) == 1;
}

/*
 * Sign: PKCS#1 v1.5 must equal OpenSSL's bytes, PSS goes back to the
 * host. Verify: OpenSSL's signature (the guest tampers with it too).
 * Decrypt: OpenSSL's ciphertext. Encrypt: goes back, or must be refused.
 */
static void rsa_emit(const struct rsa_key *key, const char *name,
		     const struct rcase *c)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key->pk, NULL);
	uint8_t msg[520], d[64], out[520], label[20];
	size_t n = sizeof(out), llen = c->label > 0 ? (size_t)c->label : 0;
	const uint8_t *in = msg, *aux = NULL, *want = NULL;
	size_t in_len = c->mlen, aux_len = 0, want_len = 0;
	unsigned int dl = 0;
	bool ok = ctx != NULL;

	if (c->mlen > sizeof(msg))
		die("rsa message size");
	rnd_bytes(msg, c->mlen);
	rnd_bytes(label, llen);
	if (c->scheme <= S_PSS) {
		if (EVP_Digest(msg, c->mlen, d, &dl, rsa_md(c->h), NULL) != 1)
			die("digest");
		in = d;
		in_len = dl;
	}
	if (c->mode == M_VERIFY ||
	    (c->mode == M_SIGN && c->scheme == S_V15_SIG)) {
		ok = ok && ossl_sign(ctx, c, d, dl, out, &n);
		if (c->mode == M_VERIFY)
			aux = out, aux_len = n;
		else
			want = out, want_len = n;
	} else if (c->mode == M_DECRYPT) {
		ok = ok && ossl_encrypt(ctx, c, label, llen, msg, out, &n);
		in = out, in_len = n;
		want = msg, want_len = c->mlen;
	}
	if (!ok) {
		fprintf(stderr, "cryp_gen_asym: OpenSSL refused %s\n", name);
		exit(1);
	}
	head(name, rsa_algo(c->scheme, c->h), (uint32_t)c->mode,
	     c->mode == M_VERIFY ? 0xA0000030 : 0xA1000030,
	     c->mode == M_VERIFY ? 2 : 8);
	rsa_attrs(key->pk, c->mode != M_VERIFY);
	printf(" %d", (c->salt >= 0) + (c->label >= 0));
	if (c->salt >= 0)
		printf(" %08x=%08x", 0xF0000A30u, (uint32_t)c->salt);
	if (c->label >= 0) {
		printf(" %08x=", 0xD0000930u);
		hex(label, llen);
	}
	tail_refused(in, in_len, aux, aux_len, want, want_len, c->refuse);
	EVP_PKEY_CTX_free(ctx);
}

/* A random case of kind i % 8 (v1.5 sign, verify; PSS verify, sign;
 * OAEP decrypt, encrypt; v1.5 decrypt, encrypt). */
static struct rcase rsa_random(const struct rsa_key *key, int i)
{
	static const int schemes[] = {S_V15_SIG, S_V15_SIG, S_PSS,
				      S_PSS,	 S_OAEP,    S_OAEP,
				      S_V15_ENC, S_V15_ENC};
	static const int modes[] = {M_SIGN,    M_VERIFY,  M_VERIFY,  M_SIGN,
				    M_DECRYPT, M_ENCRYPT, M_DECRYPT, M_ENCRYPT};
	struct rcase c = {
		schemes[i % 8], (int)(rnd64() % 6), modes[i % 8], -1, -1, 0, 0};
	size_t max, pick = rnd64() % 8;

	/* OAEP needs k >= 2 hLen + 2: a smaller hash on small keys. */
	while (c.scheme == S_OAEP && 2 * rsa_hlen[c.h] + 2 > key->k)
		c.h--;
	if (c.scheme <= S_PSS) {
		c.mlen = pick ? rnd64() % 200 : 0;
		if (c.scheme == S_V15_SIG)
			return c;
		max = pss_max_salt(key, c.h);
		/* No attribute, 0, hLen, the largest the key allows. */
		c.salt = pick % 4 == 1	 ? 0
			 : pick % 4 == 2 ? (int)max
			 : pick % 4 == 3 ? (int)rsa_hlen[c.h]
					 : -1;
		if (c.salt != 0 && rsa_hlen[c.h] > max)
			c.salt = (int)max;
		return c;
	}
	if (c.scheme == S_OAEP) {
		c.label = (int)(rnd64() % 3) - 1;
		if (c.label > 0)
			c.label = 1 + (int)(rnd64() % 20);
		max = key->k - 2 * rsa_hlen[c.h] - 2;
	} else {
		max = key->k - 11;
	}
	c.mlen = pick == 0 ? 0 : pick == 1 ? max : 1 + rnd64() % max;
	return c;
}

static void rsa_edge(const struct rsa_key *key, const char *what,
		     struct rcase c)
{
	static const char *const modes[] = {"enc", "dec", "sign", "verify"};
	char name[96];

	snprintf(name, sizeof(name), "rsa%d-%s-%s-%s", key->bits, what,
		 c.scheme == S_V15_ENC ? "nohash" : rsa_hname[c.h],
		 modes[c.mode]);
	rsa_emit(key, name, &c);
}

/*
 * The boundaries, for the hashes in the mask: empty messages, PSS salts
 * (none, 0, hLen, the largest both ways; one more refused in signing),
 * OAEP/v1.5 plaintexts of the largest size both ways and one byte more
 * (refused), empty plaintexts, empty labels.
 */
static void rsa_edges(const struct rsa_key *key, unsigned int hashes)
{
	for (int h = 0; h < 6; h++) {
		size_t hl = rsa_hlen[h], smax = pss_max_salt(key, h), omax;
		/* No attribute (GP: hLen), 0, hLen, the largest, one more. */
		const size_t salts[] = {hl, 0, hl, smax, smax + 1};

		if (!(hashes & 1u << h))
			continue;
		for (int m = M_SIGN; m <= M_VERIFY; m++) {
			char what[32];

			rsa_edge(key, "v15-empty",
				 (struct rcase){S_V15_SIG, h, m, -1, -1, 0, 0});
			for (int s = 0; s < 5; s++) {
				bool over = s == 4;

				if (salts[s] > smax + over ||
				    (over && m == M_VERIFY))
					continue;
				snprintf(what, sizeof(what), "pss-salt%s%zu",
					 s ? over ? "over" : "" : "default",
					 salts[s]);
				/* The default's message is empty. */
				rsa_edge(key, what,
					 (struct rcase){
						 S_PSS, h, m,
						 s ? (int)salts[s] : -1, -1,
						 s ? 1 + rnd64() % 99 : 0,
						 over ? REFUSED : 0});
			}
		}
		if (2 * hl + 2 > key->k)
			continue;
		omax = key->k - 2 * hl - 2;
		rsa_edge(key, "oaep-max",
			 (struct rcase){S_OAEP, h, M_DECRYPT, -1, -1, omax, 0});
		rsa_edge(key, "oaep-max",
			 (struct rcase){S_OAEP, h, M_ENCRYPT, -1, 0, omax, 0});
		rsa_edge(key, "oaep-over",
			 (struct rcase){S_OAEP, h, M_ENCRYPT, -1, -1, omax + 1,
					REFUSED});
		rsa_edge(key, "oaep-empty",
			 (struct rcase){S_OAEP, h, M_DECRYPT, -1, 0, 0, 0});
		rsa_edge(key, "oaep-empty",
			 (struct rcase){S_OAEP, h, M_ENCRYPT, -1, -1, 0, 0});
	}
	rsa_edge(key, "v15enc-max",
		 (struct rcase){S_V15_ENC, 0, M_DECRYPT, -1, -1, key->k - 11,
				0});
	rsa_edge(key, "v15enc-max",
		 (struct rcase){S_V15_ENC, 0, M_ENCRYPT, -1, -1, key->k - 11,
				0});
	rsa_edge(key, "v15enc-over",
		 (struct rcase){S_V15_ENC, 0, M_ENCRYPT, -1, -1, key->k - 10,
				REFUSED});
	rsa_edge(key, "v15enc-empty",
		 (struct rcase){S_V15_ENC, 0, M_DECRYPT, -1, -1, 0, 0});
	rsa_edge(key, "v15enc-empty",
		 (struct rcase){S_V15_ENC, 0, M_ENCRYPT, -1, -1, 0, 0});
}

/*
 * Cases per N = 300 (the run time: a private RSA-4096 operation takes
 * ~150 ms in TCG, RSA-2048 ~20 ms), fresh keys, and which hashes the
 * boundary cases take (bit h: rsa_hlen[h]); every hash on 1024 or 2048.
 * 2056: a modulus of an odd number of bytes; 1537 = 8n + 1 bits: PSS's
 * encoded message is a byte shorter than the modulus.
 */
static const struct {
	int bits, keys, per300;
	unsigned int edge_hashes;
} rsa_sizes[] = {
	{2048, 8, 300, 0x2a}, {1024, 4, 40, 0x15}, {3072, 2, 40, 0x10},
	{4096, 2, 16, 0x20},  {2056, 2, 24, 0x01}, {1537, 1, 8, 0x22},
};

void rsa_cases(int n)
{
	for (size_t s = 0; s < sizeof(rsa_sizes) / sizeof(rsa_sizes[0]); s++) {
		struct rsa_key keys[8];
		int nk = rsa_sizes[s].keys;

		/* OpenSSL's RSA key generation cannot be seeded: fresh keys. */
		for (int k = 0; k < nk; k++) {
			if (!(keys[k].pk = EVP_RSA_gen(rsa_sizes[s].bits)))
				die("rsa keygen");
			/* What OpenSSL made (an odd size may come out less). */
			keys[k].bits = EVP_PKEY_get_bits(keys[k].pk);
			keys[k].k = (size_t)EVP_PKEY_get_size(keys[k].pk);
		}
		for (int i = 0; i < n * rsa_sizes[s].per300 / 300; i++) {
			struct rcase c = rsa_random(&keys[i % nk], i);
			char name[64];

			snprintf(name, sizeof(name), "rsa%d-%d",
				 keys[i % nk].bits, i);
			rsa_emit(&keys[i % nk], name, &c);
		}
		rsa_edges(&keys[0], rsa_sizes[s].edge_hashes);
		for (int k = 0; k < nk; k++)
			EVP_PKEY_free(keys[k].pk);
	}
}
