/*
 * sign_ta: makes a signed TA image (<uuid>.ta) in OP-TEE's format, img_type 1
 * (SHDR_BOOTSTRAP_TA), the layout optee_os's sign_encrypt.py produces:
 *
 *   shdr {u32 magic 0x4f545348, u32 img_type 1, u32 img_size, u32 algo,
 *         u16 hash_size 32, u16 sig_size}           little-endian, 20 bytes
 *   hash  SHA-256(shdr ‖ uuid ‖ ta_version ‖ ELF)
 *   sig   RSA over the hash: PSS (MGF1-SHA256, salt 32) or PKCS#1 v1.5
 *   uuid[16] (RFC 4122 byte order), u32 ta_version
 *   ELF
 *
 *   sign_ta --key KEY.pem --uuid UUID --ta-version N --in TA.stripped.elf
 *           --out UUID.ta [--algo pss|pkcs1]
 *   sign_ta --key KEY.pem --pubkey-header OUT.h
 *       writes the public key as C data for the core (ta_pubkey.h).
 *
 * KEY.pem: an RSA private key (2048..4096 bits); for --pubkey-header a
 * public key PEM is accepted too.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#define SHDR_MAGIC 0x4f545348u
#define SHDR_BOOTSTRAP_TA 1u
#define ALGO_PSS_SHA256 0x70414930u
#define ALGO_PKCS1_SHA256 0x70004830u
#define SHDR_SIZE 20
#define BOOTSTRAP_SIZE 20
#define HASH_SIZE 32
#define PSS_SALT_LEN 32
#define MAX_ELF_SIZE (64u << 20)

static const char *prog = "sign_ta";

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list ap;
	unsigned long e;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	while ((e = ERR_get_error()) != 0) {
		char buf[256];

		ERR_error_string_n(e, buf, sizeof(buf));
		fprintf(stderr, "  openssl: %s\n", buf);
	}
	exit(1);
}

static void usage(void)
{
	fprintf(stderr,
		"usage: %s --key KEY.pem --uuid UUID --ta-version N --in ELF "
		"--out UUID.ta [--algo pss|pkcs1]\n"
		"       %s --key KEY.pem --pubkey-header OUT.h\n",
		prog, prog);
	exit(2);
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* 8-4-4-4-12 hex digits; octets in string order (RFC 4122). */
static void parse_uuid(const char *s, uint8_t out[16])
{
	static const int dash_at[] = {8, 13, 18, 23};
	size_t n = 0, d = 0;

	if (strlen(s) != 36)
		die("bad UUID '%s' (want xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
		    s);
	for (size_t i = 0; i < 36;) {
		int hi, lo;

		if (d < 4 && (int)i == dash_at[d]) {
			if (s[i] != '-')
				die("bad UUID '%s'", s);
			d++;
			i++;
			continue;
		}
		hi = hexval(s[i]);
		lo = hexval(s[i + 1]);
		if (hi < 0 || lo < 0)
			die("bad UUID '%s'", s);
		out[n++] = (uint8_t)(hi << 4 | lo);
		i += 2;
	}
}

static uint8_t *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long size;

	if (!f)
		die("cannot open %s: %s", path, strerror(errno));
	if (fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET))
		die("cannot size %s", path);
	if ((unsigned long)size > MAX_ELF_SIZE)
		die("%s is too large (%ld bytes)", path, size);
	buf = malloc(size ? (size_t)size : 1);
	if (!buf)
		die("out of memory");
	if (fread(buf, 1, (size_t)size, f) != (size_t)size)
		die("cannot read %s", path);
	fclose(f);
	*len = (size_t)size;
	return buf;
}

/* Writes through a temporary file so a failed run leaves no partial output. */
static void write_file(const char *path, const void *a, size_t alen,
		       const void *b, size_t blen)
{
	size_t tlen = strlen(path) + 16;
	char *tmp = malloc(tlen);
	FILE *f;

	if (!tmp)
		die("out of memory");
	snprintf(tmp, tlen, "%s.tmp%ld", path, (long)getpid());
	f = fopen(tmp, "wb");
	if (!f)
		die("cannot create %s: %s", tmp, strerror(errno));
	if (fwrite(a, 1, alen, f) != alen ||
	    (blen && fwrite(b, 1, blen, f) != blen) || fclose(f)) {
		unlink(tmp);
		die("cannot write %s", tmp);
	}
	if (rename(tmp, path)) {
		unlink(tmp);
		die("cannot rename %s to %s: %s", tmp, path, strerror(errno));
	}
	free(tmp);
}

static EVP_PKEY *load_key(const char *path, int allow_public)
{
	FILE *f = fopen(path, "r");
	EVP_PKEY *pkey;
	int bits;

	if (!f)
		die("cannot open key %s: %s", path, strerror(errno));
	pkey = PEM_read_PrivateKey(f, NULL, NULL, NULL);
	if (!pkey && allow_public) {
		ERR_clear_error();
		rewind(f);
		pkey = PEM_read_PUBKEY(f, NULL, NULL, NULL);
	}
	fclose(f);
	if (!pkey)
		die("%s: not a PEM %s key", path,
		    allow_public ? "RSA" : "RSA private");
	if (!EVP_PKEY_is_a(pkey, "RSA"))
		die("%s: not an RSA key", path);
	bits = EVP_PKEY_get_bits(pkey);
	if (bits < 2048 || bits > 4096)
		die("%s: RSA-%d; TA keys must be 2048..4096 bits", path, bits);
	return pkey;
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static EVP_PKEY_CTX *sig_ctx(EVP_PKEY *pkey, uint32_t algo, int sign)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(pkey, NULL);

	if (!ctx || (sign ? EVP_PKEY_sign_init(ctx) : EVP_PKEY_verify_init(ctx)) <= 0 ||
	    EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()) <= 0)
		die("cannot set up RSA");
	if (algo == ALGO_PSS_SHA256) {
		if (EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
		    EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256()) <= 0 ||
		    EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, PSS_SALT_LEN) <= 0)
			die("cannot set up RSA-PSS");
	} else if (EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) <= 0) {
		die("cannot set up RSA PKCS#1 v1.5");
	}
	return ctx;
}

static int sign(const char *key_path, const char *uuid_s, unsigned long version,
		const char *in, const char *out, uint32_t algo)
{
	uint8_t uuid[16], digest[HASH_SIZE], *elf, *hdr;
	EVP_PKEY *pkey = load_key(key_path, 0);
	size_t elf_len, sig_size, sig_len, hdr_len;
	EVP_PKEY_CTX *ctx;
	EVP_MD_CTX *md;
	unsigned int dlen = 0;

	parse_uuid(uuid_s, uuid);
	elf = read_file(in, &elf_len);
	if (elf_len < 4 || memcmp(elf, "\177ELF", 4))
		die("%s is not an ELF file", in);

	sig_size = (size_t)EVP_PKEY_get_size(pkey);
	hdr_len = SHDR_SIZE + HASH_SIZE + sig_size + BOOTSTRAP_SIZE;
	hdr = calloc(1, hdr_len);
	if (!hdr)
		die("out of memory");

	put_le32(hdr, SHDR_MAGIC);
	put_le32(hdr + 4, SHDR_BOOTSTRAP_TA);
	put_le32(hdr + 8, (uint32_t)elf_len);
	put_le32(hdr + 12, algo);
	put_le16(hdr + 16, HASH_SIZE);
	put_le16(hdr + 18, (uint16_t)sig_size);
	memcpy(hdr + SHDR_SIZE + HASH_SIZE + sig_size, uuid, 16);
	put_le32(hdr + SHDR_SIZE + HASH_SIZE + sig_size + 16, (uint32_t)version);

	md = EVP_MD_CTX_new();
	if (!md || EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1 ||
	    EVP_DigestUpdate(md, hdr, SHDR_SIZE) != 1 ||
	    EVP_DigestUpdate(md, hdr + hdr_len - BOOTSTRAP_SIZE,
			     BOOTSTRAP_SIZE) != 1 ||
	    EVP_DigestUpdate(md, elf, elf_len) != 1 ||
	    EVP_DigestFinal_ex(md, digest, &dlen) != 1 || dlen != HASH_SIZE)
		die("SHA-256 failed");
	EVP_MD_CTX_free(md);
	memcpy(hdr + SHDR_SIZE, digest, HASH_SIZE);

	ctx = sig_ctx(pkey, algo, 1);
	sig_len = sig_size;
	if (EVP_PKEY_sign(ctx, hdr + SHDR_SIZE + HASH_SIZE, &sig_len, digest,
			  HASH_SIZE) <= 0 ||
	    sig_len != sig_size)
		die("signing failed");
	EVP_PKEY_CTX_free(ctx);

	/* Check our own work before writing it. */
	ctx = sig_ctx(pkey, algo, 0);
	if (EVP_PKEY_verify(ctx, hdr + SHDR_SIZE + HASH_SIZE, sig_size, digest,
			    HASH_SIZE) != 1)
		die("the new signature does not verify");
	EVP_PKEY_CTX_free(ctx);

	write_file(out, hdr, hdr_len, elf, elf_len);
	free(hdr);
	free(elf);
	EVP_PKEY_free(pkey);
	return 0;
}

static int pubkey_header(const char *key_path, const char *out)
{
	EVP_PKEY *pkey = load_key(key_path, 1);
	BIGNUM *n = NULL, *e = NULL;
	uint8_t *mod;
	int mod_len;
	char *text;
	size_t cap, len = 0;

	if (!EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, &n) ||
	    !EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e))
		die("%s: cannot read the public key", key_path);
	if (BN_num_bits(e) > 32)
		die("%s: public exponent wider than 32 bits", key_path);
	mod_len = BN_num_bytes(n);
	mod = malloc((size_t)mod_len);
	if (!mod || BN_bn2bin(n, mod) != mod_len)
		die("cannot export the modulus");

	cap = 512 + (size_t)mod_len * 6;
	text = malloc(cap);
	if (!text)
		die("out of memory");
	len += (size_t)snprintf(text + len, cap - len,
				"/* Generated by sign_ta --pubkey-header: the "
				"TA signing public key (RSA-%d). */\n"
				"#ifndef TA_PUBKEY_H\n#define TA_PUBKEY_H\n"
				"#include <stdint.h>\n\n"
				"#define TA_PUBKEY_EXPONENT %luu\n"
				"static const uint8_t ta_pubkey_modulus[%d] = {",
				BN_num_bits(n), (unsigned long)BN_get_word(e),
				mod_len);
	for (int i = 0; i < mod_len; i++)
		len += (size_t)snprintf(text + len, cap - len, "%s0x%02x,",
					i % 12 ? " " : "\n\t", mod[i]);
	len += (size_t)snprintf(text + len, cap - len, "\n};\n\n#endif\n");
	write_file(out, text, len, NULL, 0);
	free(text);
	free(mod);
	BN_free(n);
	BN_free(e);
	EVP_PKEY_free(pkey);
	return 0;
}

int main(int argc, char **argv)
{
	const char *key = NULL, *uuid = NULL, *in = NULL, *out = NULL;
	const char *version = "0", *header = NULL;
	uint32_t algo = ALGO_PSS_SHA256;
	unsigned long ver;
	char *end;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			usage();
		if (!v)
			usage();
		if (!strcmp(a, "--key"))
			key = v;
		else if (!strcmp(a, "--uuid"))
			uuid = v;
		else if (!strcmp(a, "--ta-version"))
			version = v;
		else if (!strcmp(a, "--in"))
			in = v;
		else if (!strcmp(a, "--out"))
			out = v;
		else if (!strcmp(a, "--pubkey-header"))
			header = v;
		else if (!strcmp(a, "--algo")) {
			if (!strcmp(v, "pss"))
				algo = ALGO_PSS_SHA256;
			else if (!strcmp(v, "pkcs1"))
				algo = ALGO_PKCS1_SHA256;
			else
				die("--algo must be pss or pkcs1");
		} else
			usage();
		i++;
	}
	if (!key)
		usage();
	if (header) {
		if (uuid || in || out)
			usage();
		return pubkey_header(key, header);
	}
	if (!uuid || !in || !out)
		usage();
	errno = 0;
	ver = strtoul(version, &end, 0);
	if (errno || *end || !*version || version[0] == '-' || ver > UINT32_MAX)
		die("bad --ta-version '%s' (0..4294967295)", version);
	return sign(key, uuid, ver, in, out, algo);
}
