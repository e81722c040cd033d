/*
 * Host side of the asym_diff tests: draws random EC and X25519 key pairs
 * and messages from a fixed seed (RSA-2048 keys come from OpenSSL's own
 * generator, so they differ per run) and computes with OpenSSL what the TA
 * must match. One line per TA operation (tests/guest/cryptest/asym_diff.c
 * reads them):
 *   <name> <algo> <mode> <key type> <n> {<id>=<hex>} <m> {<id>=<hex>}
 *   <in> <aux> <want>
 * hex "-" is empty. mode: sign (want "-": the TA's signature goes back to
 * the host, else it must equal want), verify (aux is the signature; the
 * guest also tampers with it), encrypt (always goes back), decrypt, derive
 * (the m attributes are the peer's public value).
 * Usage: cryp_gen_asym SEED N  (N cases of P-256, X25519 and RSA-2048,
 * N/8 of each other curve)
 */
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define M_ENCRYPT 0
#define M_DECRYPT 1
#define M_SIGN 2
#define M_VERIFY 3
#define M_DERIVE 6
#define RSA_KEYS 8

static uint64_t rng_state;

static uint64_t rnd64(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void rnd_bytes(uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)rnd64();
}

static void die(const char *what)
{
	fprintf(stderr, "cryp_gen_asym: %s failed\n", what);
	exit(1);
}

static void hex(const uint8_t *b, size_t n)
{
	if (!n)
		fputs("-", stdout);
	for (size_t i = 0; i < n; i++)
		printf("%02x", b[i]);
}

static void attr_bn(uint32_t id, const BIGNUM *v, size_t pad)
{
	uint8_t b[600];
	size_t n = pad ? pad : (size_t)BN_num_bytes(v);

	if (BN_bn2binpad(v, b, (int)n) < 0)
		die("bn2bin");
	printf(" %08x=", id);
	hex(b, n);
}

static void head(const char *name, uint32_t algo, uint32_t mode, uint32_t type,
		 uint32_t nattrs)
{
	printf("%s %08x %x %08x %x", name, algo, mode, type, nattrs);
}

static void tail(const uint8_t *in, size_t in_len, const uint8_t *aux,
		 size_t aux_len, const uint8_t *want, size_t want_len)
{
	putchar(' ');
	hex(in, in_len);
	putchar(' ');
	hex(aux, aux_len);
	putchar(' ');
	hex(want, want_len);
	putchar('\n');
}

static const EVP_MD *md_of(int i)
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

/* ---- RSA-2048 ---- */

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

static void rsa_case(EVP_PKEY *pk, int i)
{
	static const uint32_t v15[] = {0x70002830, 0x70003830, 0x70004830,
				       0x70005830, 0x70006830};
	static const uint32_t pss[] = {0x70212930, 0x70313930, 0x70414930,
				       0x70515930, 0x70616930};
	static const uint32_t oaep[] = {0x60210230, 0x60310230, 0x60410230,
					0x60510230, 0x60610230};
	static const size_t hlen[] = {20, 28, 32, 48, 64};
	int h = (int)(rnd64() % 5), kind = i % 8;
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(pk, NULL);
	uint8_t d[64], out[256], msg[256], label[20];
	size_t dlen = digest(h, d), n = sizeof(out), mlen, llen = 0;
	char name[64];
	bool enc = kind >= 4;
	uint32_t algo;

	/* 0 v1.5 sign (exact), 1 v1.5 verify, 2 PSS verify, 3 PSS sign,
	 * 4 OAEP decrypt, 5 OAEP encrypt, 6 v1.5 decrypt, 7 v1.5 encrypt */
	snprintf(name, sizeof(name), "rsa2048-%d", i);
	if (!enc) {
		bool p = kind >= 2;

		algo = p ? pss[h] : v15[h];
		if (kind == 3) {
			head(name, algo, M_SIGN, 0xA1000030, 8);
			rsa_attrs(pk, true);
			printf(" 0");
			tail(d, dlen, NULL, 0, NULL, 0);
			goto out;
		}
		if (EVP_PKEY_sign_init(ctx) != 1 ||
		    EVP_PKEY_CTX_set_rsa_padding(ctx, p ? RSA_PKCS1_PSS_PADDING
							: RSA_PKCS1_PADDING) !=
			    1 ||
		    EVP_PKEY_CTX_set_signature_md(ctx, md_of(h)) != 1 ||
		    (p &&
		     (EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, md_of(h)) != 1 ||
		      EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, (int)dlen) != 1)) ||
		    EVP_PKEY_sign(ctx, out, &n, d, dlen) != 1)
			die("rsa sign");
		if (kind == 0) {
			head(name, algo, M_SIGN, 0xA1000030, 8);
			rsa_attrs(pk, true);
			printf(" 0");
			tail(d, dlen, NULL, 0, out, n);
		} else {
			head(name, algo, M_VERIFY, 0xA0000030, 2);
			rsa_attrs(pk, false);
			printf(" 0");
			tail(d, dlen, out, n, NULL, 0);
		}
		goto out;
	}
	algo = kind < 6 ? oaep[h] : 0x60000130;
	mlen = 1 + rnd64() % (kind < 6 ? 256 - 2 * hlen[h] - 2 : 245);
	rnd_bytes(msg, mlen);
	if (kind < 6 && i % 3 == 0) {
		llen = 1 + rnd64() % sizeof(label);
		rnd_bytes(label, llen);
	}
	if (kind == 4 || kind == 6) {
		if (EVP_PKEY_encrypt_init(ctx) != 1 ||
		    EVP_PKEY_CTX_set_rsa_padding(
			    ctx, kind == 4 ? RSA_PKCS1_OAEP_PADDING
					   : RSA_PKCS1_PADDING) != 1 ||
		    (kind == 4 &&
		     (EVP_PKEY_CTX_set_rsa_oaep_md(ctx, md_of(h)) != 1 ||
		      EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, md_of(h)) != 1 ||
		      (llen && EVP_PKEY_CTX_set0_rsa_oaep_label(
				       ctx, OPENSSL_memdup(label, llen),
				       (int)llen) != 1))) ||
		    EVP_PKEY_encrypt(ctx, out, &n, msg, mlen) != 1)
			die("rsa encrypt");
	}
	head(name, algo, kind == 4 || kind == 6 ? M_DECRYPT : M_ENCRYPT,
	     0xA1000030, 8);
	rsa_attrs(pk, true);
	if (llen) {
		printf(" 1 %08x=", 0xD0000930u);
		hex(label, llen);
	} else {
		printf(" 0");
	}
	if (kind == 4 || kind == 6)
		tail(out, n, NULL, 0, msg, mlen);
	else
		tail(msg, mlen, NULL, 0, NULL, 0);
out:
	EVP_PKEY_CTX_free(ctx);
}

int main(int argc, char **argv)
{
	EVP_PKEY *rsa[RSA_KEYS];
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
	/* OpenSSL's RSA key generation cannot be seeded: fresh keys. */
	for (int k = 0; k < RSA_KEYS; k++)
		if (!(rsa[k] = EVP_RSA_gen(2048)))
			die("rsa keygen");
	for (int i = 0; i < n; i++)
		rsa_case(rsa[i % RSA_KEYS], i);
	for (int k = 0; k < RSA_KEYS; k++)
		EVP_PKEY_free(rsa[k]);
	return 0;
}
