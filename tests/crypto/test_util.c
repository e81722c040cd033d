#include "test_util.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef CRYPTO_TEST_DIR
#error "CRYPTO_TEST_DIR must name the build-time test data directory"
#endif

static void die(const char *what, const char *name)
{
	fprintf(stderr, "test setup: %s %s\n", what, name);
	abort();
}

void tu_crypto_up(void)
{
	static int up;

	if (!up && crypto_init() != TEE_SUCCESS)
		die("crypto_init failed", "");
	up = 1;
}

uint8_t *tu_read(const char *name, size_t *len)
{
	char path[512];
	FILE *f;
	uint8_t *buf;
	long size;

	snprintf(path, sizeof(path), "%s/%s", CRYPTO_TEST_DIR, name);
	f = fopen(path, "rb");
	if (!f)
		die("cannot open", path);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(size ? (size_t)size : 1);
	if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size)
		die("cannot read", path);
	fclose(f);
	*len = (size_t)size;
	return buf;
}

struct tu_key *tu_key(const char *name)
{
	static struct {
		char name[64];
		struct tu_key key;
	} cache[8];
	static int used;
	char path[512];
	struct tu_key *k;
	BIGNUM *n = NULL, *e = NULL;
	FILE *f;
	int i;

	for (i = 0; i < used; i++)
		if (!strcmp(cache[i].name, name))
			return &cache[i].key;
	if (used == 8)
		die("too many keys", name);
	snprintf(cache[used].name, sizeof(cache[used].name), "%s", name);
	k = &cache[used++].key;
	snprintf(path, sizeof(path), "%s/%s", CRYPTO_TEST_DIR, name);
	f = fopen(path, "r");
	if (!f)
		die("cannot open", path);
	k->pkey = PEM_read_PrivateKey(f, NULL, NULL, NULL);
	fclose(f);
	if (!k->pkey ||
	    !EVP_PKEY_get_bn_param(k->pkey, OSSL_PKEY_PARAM_RSA_N, &n) ||
	    !EVP_PKEY_get_bn_param(k->pkey, OSSL_PKEY_PARAM_RSA_E, &e) ||
	    BN_num_bytes(n) > (int)sizeof(k->modulus))
		die("bad key", path);
	k->pub.modulus = k->modulus;
	k->pub.modulus_len = (size_t)BN_bn2bin(n, k->modulus);
	k->pub.exponent = (uint32_t)BN_get_word(e);
	BN_free(n);
	BN_free(e);
	return k;
}

size_t tu_sign(struct tu_key *k, int salt_len, const uint8_t digest[32],
	       uint8_t *sig, size_t cap)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(k->pkey, NULL);
	size_t len = cap;

	if (!ctx || EVP_PKEY_sign_init(ctx) <= 0 ||
	    EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()) <= 0)
		die("openssl sign setup", "");
	if (salt_len >= 0) {
		if (EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
		    EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256()) <= 0 ||
		    EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, salt_len) <= 0)
			die("openssl pss setup", "");
	} else if (EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) <= 0) {
		die("openssl pkcs1 setup", "");
	}
	if (EVP_PKEY_sign(ctx, sig, &len, digest, 32) <= 0)
		die("openssl sign", "");
	EVP_PKEY_CTX_free(ctx);
	return len;
}

void tu_put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

void tu_put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

/* The bootstrap header (if any) and the ELF are contiguous after sig. */
static void image_digest(const uint8_t *img, size_t len, uint8_t out[32])
{
	size_t hdr = 20 + 32 + (size_t)(img[18] | img[19] << 8);
	EVP_MD_CTX *c = EVP_MD_CTX_new();

	if (!c || EVP_DigestInit_ex(c, EVP_sha256(), NULL) != 1 ||
	    EVP_DigestUpdate(c, img, 20) != 1 ||
	    EVP_DigestUpdate(c, img + hdr, len - hdr) != 1 ||
	    EVP_DigestFinal_ex(c, out, NULL) != 1)
		die("openssl sha256", "");
	EVP_MD_CTX_free(c);
}

void tu_rehash(uint8_t *img, size_t len)
{
	image_digest(img, len, img + 20);
}

uint8_t *tu_make_image(struct tu_key *k, uint32_t img_type, uint32_t algo,
		       int salt_len, const uint8_t uuid[16], uint32_t version,
		       const uint8_t *elf, size_t elf_len, size_t *len)
{
	size_t sig_size = k->pub.modulus_len;
	size_t boot = img_type == 1 ? 20 : 0;
	size_t hdr = 20 + 32 + sig_size + boot;
	uint8_t *img = calloc(1, hdr + elf_len);
	uint8_t digest[32];

	if (!img)
		die("out of memory", "");
	tu_put_le32(img, 0x4f545348);
	tu_put_le32(img + 4, img_type);
	tu_put_le32(img + 8, (uint32_t)elf_len);
	tu_put_le32(img + 12, algo);
	tu_put_le16(img + 16, 32);
	tu_put_le16(img + 18, (uint16_t)sig_size);
	if (boot) {
		memcpy(img + 52 + sig_size, uuid, 16);
		tu_put_le32(img + 52 + sig_size + 16, version);
	}
	memcpy(img + hdr, elf, elf_len);
	image_digest(img, hdr + elf_len, digest);
	memcpy(img + 20, digest, 32);
	if (tu_sign(k, salt_len, digest, img + 52, sig_size) != sig_size)
		die("signature size", "");
	*len = hdr + elf_len;
	return img;
}
