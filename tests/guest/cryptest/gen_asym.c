/*
 * Host side of the asym_diff tests: draws random EC and X25519 key pairs
 * and messages from a fixed seed (RSA keys come from OpenSSL's own
 * generator, so they differ per run) and computes with OpenSSL what the TA
 * must match. One line per TA operation (tests/guest/cryptest/asym_diff.c
 * reads them):
 *   <name> <algo> <mode> <key type> <n> {<id>=<hex>} <m> {<id>=<hex>}
 *   <in> <aux> <want> [!<GP error>]
 * hex "-" is empty. mode: sign (want "-": the TA's signature goes back to
 * the host, else it must equal want), verify (aux is the signature; the
 * guest also tampers with it), encrypt (goes back, unless the line ends
 * with the error the TA must return), decrypt, derive (the m attributes
 * are the peer's public value).
 * Usage: cryp_gen_asym SEED N  (N cases of P-256, X25519 and RSA-2048,
 * N/8 of each other curve; the other RSA sizes in proportion and the RSA
 * boundary cases: gen_asym_rsa.c)
 */
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_asym.h"

static uint64_t rng_state;

uint64_t rnd64(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void rnd_bytes(uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)rnd64();
}

void die(const char *what)
{
	fprintf(stderr, "cryp_gen_asym: %s failed\n", what);
	exit(1);
}

void hex(const uint8_t *b, size_t n)
{
	if (!n)
		fputs("-", stdout);
	for (size_t i = 0; i < n; i++)
		printf("%02x", b[i]);
}

void attr_bn(uint32_t id, const BIGNUM *v, size_t pad)
{
	uint8_t b[600];
	size_t n = pad ? pad : (size_t)BN_num_bytes(v);

	if (BN_bn2binpad(v, b, (int)n) < 0)
		die("bn2bin");
	printf(" %08x=", id);
	hex(b, n);
}

void head(const char *name, uint32_t algo, uint32_t mode, uint32_t type,
	  uint32_t nattrs)
{
	printf("%s %08x %x %08x %x", name, algo, mode, type, nattrs);
}

void tail_refused(const uint8_t *in, size_t in_len, const uint8_t *aux,
		  size_t aux_len, const uint8_t *want, size_t want_len,
		  uint32_t refused)
{
	putchar(' ');
	hex(in, in_len);
	putchar(' ');
	hex(aux, aux_len);
	putchar(' ');
	hex(want, want_len);
	if (refused)
		printf(" !%08x", refused);
	putchar('\n');
}

void tail(const uint8_t *in, size_t in_len, const uint8_t *aux, size_t aux_len,
	  const uint8_t *want, size_t want_len)
{
	tail_refused(in, in_len, aux, aux_len, want, want_len, 0);
}

const EVP_MD *md_of(int i)
{
	const EVP_MD *mds[] = {EVP_sha1(), EVP_sha224(), EVP_sha256(),
			       EVP_sha384(), EVP_sha512()};

	return mds[i];
}

static size_t digest(int h, uint8_t *d)
{
	uint8_t msg[200];
	size_t n = rnd64() % sizeof(msg);
	unsigned int len = 0;

	rnd_bytes(msg, n);
	if (EVP_Digest(msg, n, d, &len, md_of(h), NULL) != 1)
		die("digest");
	return len;
}

/* ---- EC ---- */

struct curve {
	const char *name;
	int nid;
	uint32_t gp;
	size_t bytes;
	int hash; /* the natural hash (md_of index) */
};

static const struct curve curves[] = {
	{"P-256", NID_X9_62_prime256v1, 3, 32, 2},
	{"P-192", NID_X9_62_prime192v1, 1, 24, 0},
	{"P-224", NID_secp224r1, 2, 28, 1},
	{"P-384", NID_secp384r1, 4, 48, 3},
	{"P-521", NID_secp521r1, 5, 66, 4},
};

struct eckey {
	EVP_PKEY *pk;
	BIGNUM *d, *x, *y;
};

static void ec_new(const struct curve *c, struct eckey *k)
{
	EC_GROUP *g = EC_GROUP_new_by_curve_name(c->nid);
	const BIGNUM *order = EC_GROUP_get0_order(g);
	BIGNUM *m = BN_new();
	BN_CTX *bc = BN_CTX_new();
	EC_POINT *pt = EC_POINT_new(g);
	OSSL_PARAM_BLD *b = OSSL_PARAM_BLD_new();
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
	OSSL_PARAM *prm;
	uint8_t raw[80], pub[1 + 2 * 66];
	size_t publen;

	rnd_bytes(raw, c->bytes + 8);
	k->d = BN_bin2bn(raw, (int)c->bytes + 8, NULL);
	k->x = BN_new();
	k->y = BN_new();
	/* 1 <= d < order */
	if (!BN_sub(m, order, BN_value_one()) || !BN_nnmod(k->d, k->d, m, bc) ||
	    !BN_add(k->d, k->d, BN_value_one()) ||
	    !EC_POINT_mul(g, pt, k->d, NULL, NULL, NULL) ||
	    !EC_POINT_get_affine_coordinates(g, pt, k->x, k->y, NULL))
		die("ec key");
	publen = EC_POINT_point2oct(g, pt, POINT_CONVERSION_UNCOMPRESSED, pub,
				    sizeof(pub), NULL);
	OSSL_PARAM_BLD_push_utf8_string(b, OSSL_PKEY_PARAM_GROUP_NAME,
					OBJ_nid2sn(c->nid), 0);
	OSSL_PARAM_BLD_push_BN(b, OSSL_PKEY_PARAM_PRIV_KEY, k->d);
	OSSL_PARAM_BLD_push_octet_string(b, OSSL_PKEY_PARAM_PUB_KEY, pub,
					 publen);
	prm = OSSL_PARAM_BLD_to_param(b);
	k->pk = NULL;
	if (!prm || EVP_PKEY_fromdata_init(ctx) != 1 ||
	    EVP_PKEY_fromdata(ctx, &k->pk, EVP_PKEY_KEYPAIR, prm) != 1)
		die("ec fromdata");
	OSSL_PARAM_free(prm);
	OSSL_PARAM_BLD_free(b);
	EVP_PKEY_CTX_free(ctx);
	EC_POINT_free(pt);
	BN_free(m);
	BN_CTX_free(bc);
	EC_GROUP_free(g);
}

static void ec_free(struct eckey *k)
{
	EVP_PKEY_free(k->pk);
	BN_free(k->d);
	BN_free(k->x);
	BN_free(k->y);
}

static void ec_attrs(const struct curve *c, const struct eckey *k)
{
	printf(" %08x=%08x", 0xF0000441u, c->gp);
	attr_bn(0xD0000141, k->x, c->bytes);
	attr_bn(0xD0000241, k->y, c->bytes);
	attr_bn(0xC0000341, k->d, c->bytes);
}

static void ecdsa_case(const struct curve *c, int i)
{
	static const uint32_t algos[] = {0x70001042, 0x70002042, 0x70003042,
					 0x70004042, 0x70005042};
	/* Even cases the curve's own hash, odd ones any other. */
	int h = i % 2 ? (int)(rnd64() % 5) : c->hash;
	struct eckey k;
	uint8_t d[64], der[200], sig[132];
	const uint8_t *q = der;
	size_t dlen, derlen = sizeof(der);
	EVP_PKEY_CTX *ctx;
	ECDSA_SIG *es;
	char name[64];

	ec_new(c, &k);
	dlen = digest(h, d);
	ctx = EVP_PKEY_CTX_new(k.pk, NULL);
	if (!ctx || EVP_PKEY_sign_init(ctx) != 1 ||
	    EVP_PKEY_sign(ctx, der, &derlen, d, dlen) != 1 ||
	    !(es = d2i_ECDSA_SIG(NULL, &q, (long)derlen)))
		die("ecdsa sign");
	BN_bn2binpad(ECDSA_SIG_get0_r(es), sig, (int)c->bytes);
	BN_bn2binpad(ECDSA_SIG_get0_s(es), sig + c->bytes, (int)c->bytes);
	snprintf(name, sizeof(name), "ecdsa-%s-%d", c->name, i);
	head(name, algos[h], M_VERIFY, 0xA1000041, 4);
	ec_attrs(c, &k);
	printf(" 0");
	tail(d, dlen, sig, 2 * c->bytes, NULL, 0);
	head(name, algos[h], M_SIGN, 0xA1000041, 4);
	ec_attrs(c, &k);
	printf(" 0");
	tail(d, dlen, NULL, 0, NULL, 0);
	ECDSA_SIG_free(es);
	EVP_PKEY_CTX_free(ctx);
	ec_free(&k);
}

static size_t derive(EVP_PKEY *a, EVP_PKEY *b, uint8_t *out, size_t cap)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(a, NULL);
	size_t n = cap;

	if (!ctx || EVP_PKEY_derive_init(ctx) != 1 ||
	    EVP_PKEY_derive_set_peer(ctx, b) != 1 ||
	    EVP_PKEY_derive(ctx, out, &n) != 1)
		die("derive");
	EVP_PKEY_CTX_free(ctx);
	return n;
}

static void ecdh_case(const struct curve *c, int i)
{
	struct eckey a, b;
	uint8_t s[80];
	size_t n;
	char name[64];

	ec_new(c, &a);
	ec_new(c, &b);
	n = derive(a.pk, b.pk, s, sizeof(s));
	snprintf(name, sizeof(name), "ecdh-%s-%d", c->name, i);
	head(name, 0x80000042, M_DERIVE, 0xA1000042, 4);
	ec_attrs(c, &a);
	printf(" 2");
	attr_bn(0xD0000141, b.x, c->bytes);
	attr_bn(0xD0000241, b.y, c->bytes);
	tail(NULL, 0, NULL, 0, s, n);
	ec_free(&a);
	ec_free(&b);
}

static void x25519_case(int i)
{
	uint8_t pa[32], pb[32], qa[32], qb[32], s[32];
	size_t n = 32;
	EVP_PKEY *a, *b;
	char name[64];

	rnd_bytes(pa, 32);
	rnd_bytes(pb, 32);
	a = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, NULL, pa, 32);
	b = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, NULL, pb, 32);
	if (!a || !b || EVP_PKEY_get_raw_public_key(a, qa, &n) != 1 ||
	    EVP_PKEY_get_raw_public_key(b, qb, &n) != 1)
		die("x25519 key");
	n = derive(a, b, s, sizeof(s));
	snprintf(name, sizeof(name), "x25519-%d", i);
	head(name, 0x80000044, M_DERIVE, 0xA1000044, 2);
	printf(" %08x=", 0xD0000944u);
	hex(qa, 32);
	printf(" %08x=", 0xC0000A44u);
	hex(pa, 32);
	printf(" 1 %08x=", 0xD0000944u);
	hex(qb, 32);
	tail(NULL, 0, NULL, 0, s, n);
	EVP_PKEY_free(a);
	EVP_PKEY_free(b);
}

int main(int argc, char **argv)
{
	int n;

	if (argc != 3 || (n = atoi(argv[2])) < 8) {
		fprintf(stderr, "usage: cryp_gen_asym SEED N\n");
		return 2;
	}
	rng_state = strtoull(argv[1], NULL, 0);
	printf("# asym_diff vectors, seed %s, %d per main algorithm\n", argv[1],
	       n);
	for (size_t c = 0; c < sizeof(curves) / sizeof(curves[0]); c++)
		for (int i = 0; i < (c ? n / 8 : n); i++)
			ecdsa_case(&curves[c], i);
	for (size_t c = 0; c < sizeof(curves) / sizeof(curves[0]); c++)
		for (int i = 0; i < (c ? n / 8 : n); i++)
			ecdh_case(&curves[c], i);
	for (int i = 0; i < n; i++)
		x25519_case(i);
	rsa_cases(n);
	return 0;
}
