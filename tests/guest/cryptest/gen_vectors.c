/*
 * Host program (x86_64, libcrypto): draws random keys, IVs, AAD and
 * messages with a fixed seed and computes the expected results with
 * OpenSSL, for cryptest's differential tests. Writes one line per vector
 * in the format of kat_vectors.c plus the seed that cuts the input into
 * pieces in the TA (0: one piece):
 *   label algo mode key_type max_key key key2 iv aad data tag flags
 *   result expected seed
 * Message sizes include non-block multiples; AE messages are streamed in
 * odd pieces; some MACs are compared (right and wrong) and some AE tags
 * are wrong on purpose.
 *
 * Usage: cryp_gen_vectors [count-per-algorithm] [seed] > vectors.txt
 */
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAC_INVALID 0xFFFF3071u
#define F_COMPARE 0x1
#define F_COPY 0x4
#define T_AES 0xA0000010u
#define T_DES 0xA0000011u
#define T_DES3 0xA0000013u
#define T_GENERIC 0xA0000000u

static uint64_t st;

static uint64_t rnd(void)
{
	st ^= st >> 12;
	st ^= st << 25;
	st ^= st >> 27;
	return st * 0x2545f4914f6cdd1dull;
}

static size_t below(size_t n)
{
	return n ? (size_t)(rnd() % n) : 0;
}

static void fill(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (uint8_t)rnd();
}

/* A message size: mostly small, sometimes across many chunks. */
static size_t msg_len(void)
{
	return below(8) ? below(300) : below(3000);
}

static void hex(const uint8_t *p, size_t n)
{
	if (!n) {
		fputs(" -", stdout);
		return;
	}
	putchar(' ');
	for (size_t i = 0; i < n; i++)
		printf("%02x", p[i]);
}

struct line {
	const char *label;
	unsigned idx;
	uint32_t algo, mode, type, max_key, flags, result;
	const uint8_t *key, *key2, *iv, *aad, *data, *tag, *want;
	size_t key_len, key2_len, iv_len, aad_len, data_len, tag_len, want_len;
};

static void emit(const struct line *l)
{
	uint32_t seed = below(5) ? (uint32_t)(rnd() | 1) : 0;

	printf("%s_%u 0x%08x %u 0x%08x %u", l->label, l->idx, l->algo, l->mode,
	       l->type, l->max_key);
	hex(l->key, l->key_len);
	hex(l->key2, l->key2_len);
	hex(l->iv, l->iv_len);
	hex(l->aad, l->aad_len);
	hex(l->data, l->data_len);
	hex(l->tag, l->tag_len);
	printf(" %u 0x%x", l->flags, l->result);
	hex(l->want, l->want_len);
	printf(" %u\n", seed);
}

static void die(const char *what)
{
	fprintf(stderr, "cryp_gen_vectors: OpenSSL failed: %s\n", what);
	exit(1);
}

/* ---- OpenSSL ------------------------------------------------------------ */
static size_t cipher(const char *name, bool enc, const uint8_t *key,
		     const uint8_t *iv, const uint8_t *in, size_t len,
		     uint8_t *out, const char *cts)
{
	EVP_CIPHER *c = EVP_CIPHER_fetch(NULL, name, NULL);
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	OSSL_PARAM p[2] = {OSSL_PARAM_END, OSSL_PARAM_END};
	int n1 = 0, n2 = 0;

	if (cts)
		p[0] = OSSL_PARAM_construct_utf8_string(
			OSSL_CIPHER_PARAM_CTS_MODE, (char *)cts, 0);
	if (!c || !ctx || !EVP_CipherInit_ex2(ctx, c, key, iv, enc, p) ||
	    !EVP_CIPHER_CTX_set_padding(ctx, 0) ||
	    (len && !EVP_CipherUpdate(ctx, out, &n1, in, (int)len)) ||
	    !EVP_CipherFinal_ex(ctx, out + n1, &n2))
		die(name);
	EVP_CIPHER_CTX_free(ctx);
	EVP_CIPHER_free(c);
	return (size_t)(n1 + n2);
}

/* Single and two-key DES as three-key EDE (OpenSSL 3: DES is legacy). */
static const uint8_t *des3_key(const uint8_t *k, size_t len, uint8_t out[24])
{
	memcpy(out, k, 8);
	memcpy(out + 8, len > 8 ? k + 8 : k, 8);
	memcpy(out + 16, len > 16 ? k + 16 : k, 8);
	return out;
}

static size_t mac(const char *kind, const char *sub, bool is_digest,
		  const uint8_t *key, size_t klen, const uint8_t *msg,
		  size_t len, uint8_t *out)
{
	EVP_MAC *m = EVP_MAC_fetch(NULL, kind, NULL);
	EVP_MAC_CTX *ctx = m ? EVP_MAC_CTX_new(m) : NULL;
	OSSL_PARAM p[2];
	size_t n = 0;

	p[0] = OSSL_PARAM_construct_utf8_string(
		is_digest ? OSSL_MAC_PARAM_DIGEST : OSSL_MAC_PARAM_CIPHER,
		(char *)sub, 0);
	p[1] = OSSL_PARAM_construct_end();
	if (!ctx || !EVP_MAC_init(ctx, key, klen, p) ||
	    !EVP_MAC_update(ctx, msg, len) || !EVP_MAC_final(ctx, out, &n, 64))
		die(kind);
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(m);
	return n;
}

/* ---- per class -------------------------------------------------------- */
static uint8_t key[64], key2[64], iv[64], aad[400], data[3100], tag[64],
	want[3200];

static void digests(unsigned count)
{
	static const struct {
		const char *name;
		uint32_t algo;
	} d[] = {{"MD5", 0x50000001},	 {"SHA1", 0x50000002},
		 {"SHA224", 0x50000003}, {"SHA256", 0x50000004},
		 {"SHA384", 0x50000005}, {"SHA512", 0x50000006}};

	for (size_t a = 0; a < sizeof(d) / sizeof(d[0]); a++)
		for (unsigned i = 0; i < count; i++) {
			struct line l = {.label = d[a].name,
					 .idx = i,
					 .algo = d[a].algo,
					 .mode = 5,
					 .data = data,
					 .want = want};
			unsigned int n = 0;

			l.data_len = msg_len();
			fill(data, l.data_len);
			if (!EVP_Digest(data, l.data_len, want, &n,
					EVP_get_digestbyname(d[a].name), NULL))
				die(d[a].name);
			l.want_len = n;
			emit(&l);
		}
}

/* A MAC line, maybe turned into a comparison (right or wrong). */
static void emit_mac(struct line *l)
{
	if (below(4) == 0) {
		memcpy(tag, want, l->want_len);
		l->tag = tag;
		l->tag_len = l->want_len;
		l->flags |= F_COMPARE;
		if (below(2)) {
			tag[below(l->want_len)] ^= 0x04;
			l->result = MAC_INVALID;
		}
		l->want_len = 0;
	} else if (below(6) == 0) {
		l->flags |= F_COPY;
	}
	emit(l);
}

static void hmacs(unsigned count)
{
	static const struct {
		const char *md;
		uint32_t algo, type, min, max;
	} h[] = {
		{"MD5", 0x30000001, 0xA0000001, 64, 512},
		{"SHA1", 0x30000002, 0xA0000002, 80, 512},
		{"SHA224", 0x30000003, 0xA0000003, 112, 512},
		{"SHA256", 0x30000004, 0xA0000004, 192, 1024},
		{"SHA384", 0x30000005, 0xA0000005, 256, 1024},
		{"SHA512", 0x30000006, 0xA0000006, 256, 1024},
	};
	static uint8_t k[128];

	for (size_t a = 0; a < sizeof(h) / sizeof(h[0]); a++)
		for (unsigned i = 0; i < count; i++) {
			struct line l = {.label = "HMAC",
					 .idx = i,
					 .algo = h[a].algo,
					 .mode = 4,
					 .type = h[a].type,
					 .key = k,
					 .data = data,
					 .want = want};

			l.key_len = (h[a].min +
				     8 * below((h[a].max - h[a].min) / 8 + 1)) /
				    8;
			/* Some keys as generic secrets (same rules apply). */
			if (below(5) == 0) {
				l.type = T_GENERIC;
				l.max_key = h[a].max;
			}
			fill(k, l.key_len);
			l.data_len = msg_len();
			fill(data, l.data_len);
			l.want_len = mac("HMAC", h[a].md, true, k, l.key_len,
					 data, l.data_len, want);
			emit_mac(&l);
		}
}

static void block_macs(unsigned count)
{
	static const struct {
		const char *label;
		uint32_t algo, type;
		size_t bs;
		int kind; /* 0 CMAC, 1 CBC-MAC no padding, 2 PKCS#5 */
	} m[] = {
		{"AES_CMAC", 0x30000610, T_AES, 16, 0},
		{"DES3_CMAC", 0xF0000613, T_DES3, 8, 0},
		{"AES_CBC_MAC", 0x30000110, T_AES, 16, 1},
		{"AES_CBC_MAC_PKCS5", 0x30000510, T_AES, 16, 2},
		{"DES_CBC_MAC", 0x30000111, T_DES, 8, 1},
		{"DES_CBC_MAC_PKCS5", 0x30000511, T_DES, 8, 2},
		{"DES3_CBC_MAC", 0x30000113, T_DES3, 8, 1},
		{"DES3_CBC_MAC_PKCS5", 0x30000513, T_DES3, 8, 2},
	};
	static uint8_t buf[3200], enc[3200];
	uint8_t k3[24], zero[16] = {0};
	char name[32];

	for (size_t a = 0; a < sizeof(m) / sizeof(m[0]); a++)
		for (unsigned i = 0; i < count; i++) {
			struct line l = {.label = m[a].label,
					 .idx = i,
					 .algo = m[a].algo,
					 .mode = 4,
					 .type = m[a].type,
					 .key = key,
					 .data = data,
					 .want = want};
			bool aes = m[a].type == T_AES;
			size_t plen;

			l.key_len = aes			 ? 16 + 8 * below(3)
				    : m[a].type == T_DES ? 8
							 : 16 + 8 * below(2);
			fill(key, l.key_len);
			l.data_len = msg_len();
			if (m[a].kind == 1) /* whole blocks, at least one */
				l.data_len =
					(l.data_len / m[a].bs + 1) * m[a].bs;
			fill(data, l.data_len);
			if (aes)
				snprintf(name, sizeof(name), "AES-%zu-CBC",
					 l.key_len * 8);
			if (m[a].kind == 0) {
				l.want_len =
					mac("CMAC", aes ? name : "DES-EDE3-CBC",
					    false,
					    aes ? key
						: des3_key(key, l.key_len, k3),
					    aes ? l.key_len : 24, data,
					    l.data_len, want);
			} else {
				plen = l.data_len;
				memcpy(buf, data, plen);
				if (m[a].kind == 2) {
					size_t pad = m[a].bs - plen % m[a].bs;

					memset(buf + plen, (int)pad, pad);
					plen += pad;
				}
				cipher(aes ? name : "DES-EDE3-CBC", true,
				       aes ? key : des3_key(key, l.key_len, k3),
				       zero, buf, plen, enc, NULL);
				memcpy(want, enc + plen - m[a].bs, m[a].bs);
				l.want_len = m[a].bs;
			}
			emit_mac(&l);
		}
}

static void ciphers(unsigned count)
{
	static const struct {
		const char *label, *mode;
		uint32_t algo, type;
		size_t bs;
		int lens; /* 0 blocks, 1 any, 2 at least a block */
	} c[] = {
		{"AES_ECB", "ECB", 0x10000010, T_AES, 16, 0},
		{"AES_CBC", "CBC", 0x10000110, T_AES, 16, 0},
		{"AES_CTR", "CTR", 0x10000210, T_AES, 16, 1},
		{"AES_CTS", "CBC-CTS", 0x10000310, T_AES, 16, 2},
		{"AES_XTS", "XTS", 0x10000410, T_AES, 16, 2},
		{"DES_ECB", "ECB", 0x10000011, T_DES, 8, 0},
		{"DES_CBC", "CBC", 0x10000111, T_DES, 8, 0},
		{"DES3_ECB", "ECB", 0x10000013, T_DES3, 8, 0},
		{"DES3_CBC", "CBC", 0x10000113, T_DES3, 8, 0},
	};
	uint8_t k3[24], kk[64];
	char name[40];

	for (size_t a = 0; a < sizeof(c) / sizeof(c[0]); a++)
		for (unsigned i = 0; i < count; i++) {
			struct line l = {.label = c[a].label,
					 .idx = i,
					 .algo = c[a].algo,
					 .mode = (uint32_t)below(2),
					 .type = c[a].type,
					 .key = key,
					 .data = data,
					 .want = want};
			bool aes = c[a].type == T_AES;
			bool xts = c[a].algo == 0x10000410;
			bool ecb = !strcmp(c[a].mode, "ECB");
			const uint8_t *k = key;

			l.key_len = aes ? (xts ? 16 + 16 * below(2)
					       : 16 + 8 * below(3))
				    : c[a].type == T_DES ? 8
							 : 16 + 8 * below(2);
			fill(key, l.key_len);
			if (!ecb) {
				l.iv = iv;
				l.iv_len = c[a].bs;
				fill(iv, l.iv_len);
			}
			l.data_len = msg_len();
			if (c[a].lens == 0)
				l.data_len -= l.data_len % c[a].bs;
			else if (c[a].lens == 2 && l.data_len < 16)
				l.data_len += 16;
			fill(data, l.data_len);
			if (aes) {
				snprintf(name, sizeof(name), "AES-%zu-%s",
					 l.key_len * 8, c[a].mode);
			} else {
				snprintf(name, sizeof(name), "DES-EDE3-%s",
					 c[a].mode);
				k = des3_key(key, l.key_len, k3);
			}
			if (xts) { /* OpenSSL takes K1 || K2 */
				l.key2 = key2;
				l.key2_len = l.key_len;
				fill(key2, l.key2_len);
				memcpy(kk, key, l.key_len);
				memcpy(kk + l.key_len, key2, l.key_len);
				k = kk;
			}
			l.want_len =
				l.data_len
					? cipher(name, l.mode == 0, k, l.iv,
						 data, l.data_len, want,
						 c[a].lens == 2 && !xts ? "CS3"
									: NULL)
					: 0;
			if (below(6) == 0)
				l.flags = F_COPY;
			emit(&l);
		}
}

static void aes_ae(unsigned count, bool ccm)
{
	char name[32];

	for (unsigned i = 0; i < count; i++) {
		struct line l = {.label = ccm ? "AES_CCM" : "AES_GCM",
				 .idx = i,
				 .algo = ccm ? 0x40000710 : 0x40000810,
				 .mode = (uint32_t)below(2),
				 .type = T_AES,
				 .key = key,
				 .iv = iv,
				 .aad = aad,
				 .data = data,
				 .tag = tag,
				 .want = want};
		EVP_CIPHER *c;
		EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
		uint8_t ct[3100];
		int n = 0;

		l.key_len = 16 + 8 * below(3);
		l.iv_len = ccm ? 7 + below(7) : (below(3) ? 12 : 1 + below(40));
		l.tag_len = ccm ? 4 + 2 * below(7) : 12 + below(5);
		l.aad_len = below(3) ? below(200) : below(400);
		l.data_len = below(4) ? below(600) : below(3000);
		fill(key, l.key_len);
		fill(iv, l.iv_len);
		fill(aad, l.aad_len);
		fill(data, l.data_len);
		snprintf(name, sizeof(name), "AES-%zu-%s", l.key_len * 8,
			 ccm ? "CCM" : "GCM");
		c = EVP_CIPHER_fetch(NULL, name, NULL);
		/* Encrypt with OpenSSL; a decrypt line inverts it. */
		if (!c || !ctx ||
		    !EVP_EncryptInit_ex(ctx, c, NULL, NULL, NULL) ||
		    !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN,
					 (int)l.iv_len, NULL) ||
		    (ccm && !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG,
						 (int)l.tag_len, NULL)) ||
		    !EVP_EncryptInit_ex(ctx, NULL, NULL, key, iv) ||
		    (ccm && !EVP_EncryptUpdate(ctx, NULL, &n, NULL,
					       (int)l.data_len)) ||
		    (l.aad_len &&
		     !EVP_EncryptUpdate(ctx, NULL, &n, aad, (int)l.aad_len)) ||
		    !EVP_EncryptUpdate(ctx, ct, &n, data, (int)l.data_len) ||
		    !EVP_EncryptFinal_ex(ctx, ct + n, &n) ||
		    !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG,
					 (int)l.tag_len, tag))
			die(name);
		EVP_CIPHER_CTX_free(ctx);
		EVP_CIPHER_free(c);
		if (l.mode == 0) {
			memcpy(want, ct, l.data_len);
			memcpy(want + l.data_len, tag, l.tag_len);
			l.want_len = l.data_len + l.tag_len;
		} else {
			memcpy(want, data, l.data_len);
			l.want_len = l.data_len;
			memcpy(data, ct, l.data_len);
			if (below(5) == 0) {
				tag[below(l.tag_len)] ^= 0x20;
				l.result = MAC_INVALID;
				l.want_len = 0;
			}
		}
		if (below(6) == 0)
			l.flags = F_COPY;
		emit(&l);
	}
}

int main(int argc, char **argv)
{
	unsigned count = argc > 1 ? (unsigned)atoi(argv[1]) : 150;

	st = argc > 2 ? strtoull(argv[2], NULL, 0) : 0x5eed5eedull;
	if (!count || !st) {
		fprintf(stderr, "usage: cryp_gen_vectors [count] [seed]\n");
		return 2;
	}
	printf("# cryp_gen_vectors %u 0x%llx (OpenSSL %s)\n", count,
	       (unsigned long long)st, OpenSSL_version(OPENSSL_VERSION));
	digests(count);
	hmacs(count);
	block_macs(count);
	ciphers(count);
	aes_ae(2 * count, false);
	aes_ae(2 * count, true);
	return 0;
}
