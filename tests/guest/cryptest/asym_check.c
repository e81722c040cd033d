/*
 * Host side of the asym_export test: reads a guest console log, takes its
 * "@@ASYMX ...@@" lines (format in tests/ta/crypt_ta/asym_export.c) and
 * checks each with OpenSSL: the TA's PSS and ECDSA signatures must verify,
 * its OAEP and PKCS#1 v1.5 ciphertexts must decrypt to the input.
 * Prints one line per case and exits 0 only if there were cases and all
 * of them were right. Usage: cryp_asym_check CONSOLE_LOG [TAG]
 * TAG (default ASYMX): ASYMD for the asym_diff tests' lines, same format.
 * The salt field: 0 the GP default (the digest length), else the salt
 * length; SALT_EXPLICIT set: exactly the low bits, 0 included.
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

#define MODE_ENCRYPT 0
#define MODE_SIGN 2
#define MAX_ATTRS 8
#define SALT_EXPLICIT 0x80000000u

struct buf {
	uint8_t b[2048];
	size_t len;
};

struct item {
	char name[64];
	uint32_t algo, mode, salt, nattrs;
	uint32_t id[MAX_ATTRS];
	struct buf attr[MAX_ATTRS];
	struct buf label, in, out;
};

static bool unhex(const char *s, struct buf *b)
{
	size_t n = strlen(s);

	b->len = 0;
	if (!strcmp(s, "-"))
		return true;
	if (n % 2 || n / 2 > sizeof(b->b))
		return false;
	for (size_t i = 0; i < n; i += 2) {
		unsigned int v;

		if (sscanf(s + i, "%2x", &v) != 1)
			return false;
		b->b[b->len++] = (uint8_t)v;
	}
	return true;
}

static bool u32(const char *s, uint32_t *v)
{
	char *end;

	*v = (uint32_t)strtoul(s, &end, 16);
	return *s && !*end;
}

static bool parse(char *line, struct item *it)
{
	char *tok[MAX_ATTRS + 10];
	int n = 0;

	for (char *t = strtok(line, " "); t && n < MAX_ATTRS + 10;
	     t = strtok(NULL, " "))
		tok[n++] = t;
	if (n < 8)
		return false;
	snprintf(it->name, sizeof(it->name), "%s", tok[0]);
	if (!u32(tok[1], &it->algo) || !u32(tok[2], &it->mode) ||
	    !u32(tok[3], &it->salt) || !u32(tok[4], &it->nattrs) ||
	    it->nattrs > MAX_ATTRS || n != 8 + (int)it->nattrs)
		return false;
	for (uint32_t i = 0; i < it->nattrs; i++) {
		char *eq = strchr(tok[5 + i], '=');

		if (!eq)
			return false;
		*eq = 0;
		if (!u32(tok[5 + i], &it->id[i]) ||
		    !unhex(eq + 1, &it->attr[i]))
			return false;
	}
	return unhex(tok[5 + it->nattrs], &it->label) &&
	       unhex(tok[6 + it->nattrs], &it->in) &&
	       unhex(tok[7 + it->nattrs], &it->out);
}

static const struct buf *attr(const struct item *it, uint32_t id)
{
	for (uint32_t i = 0; i < it->nattrs; i++)
		if (it->id[i] == id)
			return &it->attr[i];
	return NULL;
}

static EVP_PKEY *from_params(const char *type, OSSL_PARAM_BLD *b, int sel)
{
	OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(b);
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, type, NULL);
	EVP_PKEY *pk = NULL;

	if (!ctx || !params || EVP_PKEY_fromdata_init(ctx) != 1 ||
	    EVP_PKEY_fromdata(ctx, &pk, sel, params) != 1)
		pk = NULL;
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	return pk;
}

/* RSA: n, e (and for decryption d, p, q, dp, dq, qinv), GP's IDs. */
static EVP_PKEY *rsa_key(const struct item *it, bool priv)
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
	OSSL_PARAM_BLD *b = OSSL_PARAM_BLD_new();
	BIGNUM *v[8] = {0};
	EVP_PKEY *pk = NULL;
	int n = priv ? 8 : 2;

	for (int i = 0; i < n; i++) {
		const struct buf *a = attr(it, ids[i]);

		if (!a)
			goto out;
		v[i] = BN_bin2bn(a->b, (int)a->len, NULL);
		OSSL_PARAM_BLD_push_BN(b, names[i], v[i]);
	}
	pk = from_params("RSA", b,
			 priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY);
out:
	for (int i = 0; i < 8; i++)
		BN_free(v[i]);
	OSSL_PARAM_BLD_free(b);
	return pk;
}

static EVP_PKEY *ec_key(const struct item *it)
{
	static const char *const curves[] = {"",      "P-192", "P-224",
					     "P-256", "P-384", "P-521"};
	const struct buf *c = attr(it, 0xF0000441), *x = attr(it, 0xD0000141),
			 *y = attr(it, 0xD0000241);
	OSSL_PARAM_BLD *b = OSSL_PARAM_BLD_new();
	uint8_t pub[1 + 2 * 66] = {4};
	uint32_t curve;
	size_t n;
	EVP_PKEY *pk;

	if (!c || !x || !y || c->len != 4)
		return NULL;
	curve = (uint32_t)c->b[3];
	if (curve < 1 || curve > 5)
		return NULL;
	n = curve == 5 ? 66
		       : (size_t)(curve == 1   ? 24
				  : curve == 2 ? 28
				  : curve == 3 ? 32
					       : 48);
	if (x->len > n || y->len > n)
		return NULL;
	memcpy(pub + 1 + n - x->len, x->b, x->len);
	memcpy(pub + 1 + 2 * n - y->len, y->b, y->len);
	OSSL_PARAM_BLD_push_utf8_string(b, OSSL_PKEY_PARAM_GROUP_NAME,
					curves[curve], 0);
	OSSL_PARAM_BLD_push_octet_string(b, OSSL_PKEY_PARAM_PUB_KEY, pub,
					 1 + 2 * n);
	pk = from_params("EC", b, EVP_PKEY_PUBLIC_KEY);
	OSSL_PARAM_BLD_free(b);
	return pk;
}

static const EVP_MD *md_by_size(size_t n)
{
	switch (n) {
	case 16:
		return EVP_md5();
	case 20:
		return EVP_sha1();
	case 28:
		return EVP_sha224();
	case 32:
		return EVP_sha256();
	case 48:
		return EVP_sha384();
	}
	return EVP_sha512();
}

/*
 * GP's OAEP IDs: the hash in bits 23:20 (2 SHA-1 .. 6 SHA-512; 1 MD5 in
 * OP-TEE's 0xF0110230).
 */
static const EVP_MD *oaep_md(uint32_t algo)
{
	static const size_t sizes[] = {0, 16, 20, 28, 32, 48, 64};
	uint32_t h = (algo >> 20) & 0xf;

	return h >= 1 && h <= 6 ? md_by_size(sizes[h]) : NULL;
}

static const char *check_sign(const struct item *it)
{
	bool ecdsa = (it->algo & 0xff) == 0x42;
	EVP_PKEY *pk = ecdsa ? ec_key(it) : rsa_key(it, false);
	EVP_PKEY_CTX *c = pk ? EVP_PKEY_CTX_new(pk, NULL) : NULL;
	uint8_t der[160], *q = der;
	const char *err = NULL;
	const uint8_t *sig = it->out.b;
	size_t sig_len = it->out.len;

	if (!c || EVP_PKEY_verify_init(c) != 1) {
		err = "key";
		goto out;
	}
	if (ecdsa) {
		ECDSA_SIG *es = ECDSA_SIG_new();
		size_t n = it->out.len / 2;

		ECDSA_SIG_set0(es, BN_bin2bn(it->out.b, (int)n, NULL),
			       BN_bin2bn(it->out.b + n, (int)n, NULL));
		sig_len = (size_t)i2d_ECDSA_SIG(es, &q);
		sig = der;
		ECDSA_SIG_free(es);
	} else {
		const EVP_MD *md = md_by_size(it->in.len);
		uint32_t salt = it->salt & SALT_EXPLICIT
					? it->salt & ~SALT_EXPLICIT
				: it->salt ? it->salt
					   : (uint32_t)it->in.len;

		EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_PSS_PADDING);
		EVP_PKEY_CTX_set_signature_md(c, md);
		EVP_PKEY_CTX_set_rsa_mgf1_md(c, md);
		EVP_PKEY_CTX_set_rsa_pss_saltlen(c, (int)salt);
	}
	if (EVP_PKEY_verify(c, sig, sig_len, it->in.b, it->in.len) != 1)
		err = "signature does not verify";
out:
	EVP_PKEY_CTX_free(c);
	EVP_PKEY_free(pk);
	return err;
}

static const char *check_encrypt(const struct item *it)
{
	EVP_PKEY *pk = rsa_key(it, true);
	EVP_PKEY_CTX *c = pk ? EVP_PKEY_CTX_new(pk, NULL) : NULL;
	uint8_t pt[512];
	size_t n = sizeof(pt);
	const char *err = NULL;

	if (!c || EVP_PKEY_decrypt_init(c) != 1) {
		err = "key";
		goto out;
	}
	if (it->algo == 0x60000130) {
		EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_PADDING);
	} else {
		EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_OAEP_PADDING);
		EVP_PKEY_CTX_set_rsa_oaep_md(c, oaep_md(it->algo));
		EVP_PKEY_CTX_set_rsa_mgf1_md(c, oaep_md(it->algo));
		if (it->label.len) {
			void *l = OPENSSL_memdup(it->label.b, it->label.len);

			EVP_PKEY_CTX_set0_rsa_oaep_label(c, l,
							 (int)it->label.len);
		}
	}
	if (EVP_PKEY_decrypt(c, pt, &n, it->out.b, it->out.len) != 1)
		err = "does not decrypt";
	else if (n != it->in.len || memcmp(pt, it->in.b, n))
		err = "decrypts to something else";
out:
	EVP_PKEY_CTX_free(c);
	EVP_PKEY_free(pk);
	return err;
}

int main(int argc, char **argv)
{
	static char line[40000];
	static struct item it;
	int ok = 0, bad = 0;
	char tag[40];
	size_t tag_len;
	FILE *f;

	if (argc < 2 || argc > 3 || !(f = fopen(argv[1], "r"))) {
		fprintf(stderr, "usage: cryp_asym_check CONSOLE_LOG [TAG]\n");
		return 2;
	}
	snprintf(tag, sizeof(tag), "@@%s ", argc == 3 ? argv[2] : "ASYMX");
	tag_len = strlen(tag);
	while (fgets(line, sizeof(line), f)) {
		char *s = strstr(line, tag), *e;
		const char *err;

		if (!s || !(e = strstr(s + tag_len, "@@")))
			continue;
		*e = 0;
		memset(&it, 0, sizeof(it));
		if (!parse(s + tag_len, &it))
			err = "malformed line";
		else if (it.mode == MODE_SIGN)
			err = check_sign(&it);
		else if (it.mode == MODE_ENCRYPT)
			err = check_encrypt(&it);
		else
			err = "unknown mode";
		printf("%s %s%s%s\n", err ? "bad" : "ok", it.name,
		       err ? ": " : "", err ? err : "");
		if (err)
			bad++;
		else
			ok++;
	}
	fclose(f);
	printf("asym_check: %d ok, %d bad\n", ok, bad);
	return ok > 0 && !bad ? 0 : 1;
}
