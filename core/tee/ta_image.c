/*
 * Signed TA images: decode (format and bounds) and verify (hash, signature,
 * UUID). Layout facts: docs optee-compat.md §5.1-5.2.
 *
 *   0   u32 magic      4 u32 img_type   8 u32 img_size   12 u32 algo
 *   16  u16 hash_size  18 u16 sig_size
 *   20  hash[hash_size], sig[sig_size]
 *   img_type 1: uuid[16], u32 ta_version
 *   then the ELF, img_size bytes, up to the end of the file.
 * The hash covers shdr (20 bytes) ‖ bootstrap header ‖ ELF.
 */
#include <crypto/crypto.h>
#include <kernel/log.h>
#include <string.h>
#include <tee/ta_image.h>

#include <ta_pubkey.h> /* generated from TA_PUBLIC_KEY at build time */

static const struct crypto_rsa_pubkey builtin_key = {
	.modulus = ta_pubkey_modulus,
	.modulus_len = sizeof(ta_pubkey_modulus),
	.exponent = TA_PUBKEY_EXPONENT,
};

const struct crypto_rsa_pubkey *ta_image_pubkey(void)
{
	return &builtin_key;
}

static uint32_t get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint16_t get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" from RFC 4122 octets. */
static void uuid_str(const uint8_t u[16], char out[37])
{
	static const char hex[] = "0123456789abcdef";
	unsigned int o = 0;

	for (unsigned int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[u[i] >> 4];
		out[o++] = hex[u[i] & 0xf];
	}
	out[o] = '\0';
}

TEE_Result ta_image_decode(const void *buf, size_t len, struct ta_image *img)
{
	const uint8_t *p = buf;
	uint32_t magic, img_type, img_size, algo;
	uint16_t hash_size, sig_size;
	size_t hdr_len, total;

	if (!img)
		return TEE_ERROR_BAD_PARAMETERS;
	memset(img, 0, sizeof(*img));
	if (!p || len < TA_IMAGE_SHDR_SIZE) {
		core_log("ta_image: %zu bytes, shorter than a signed header",
			 p ? len : 0);
		return TEE_ERROR_BAD_FORMAT;
	}
	magic = get_le32(p);
	img_type = get_le32(p + 4);
	img_size = get_le32(p + 8);
	algo = get_le32(p + 12);
	hash_size = get_le16(p + 16);
	sig_size = get_le16(p + 18);

	if (magic != TA_IMAGE_SHDR_MAGIC) {
		core_log("ta_image: bad magic 0x%x (not a signed TA)", magic);
		return TEE_ERROR_BAD_FORMAT;
	}
	if (img_type == TA_IMAGE_TYPE_ENCRYPTED ||
	    img_type == TA_IMAGE_TYPE_SUBKEY) {
		core_log("ta_image: img_type %u (%s) not supported", img_type,
			 img_type == TA_IMAGE_TYPE_SUBKEY ? "subkey"
							  : "encrypted");
		return TEE_ERROR_NOT_SUPPORTED;
	}
	if (img_type != TA_IMAGE_TYPE_TA && img_type != TA_IMAGE_TYPE_BOOTSTRAP) {
		core_log("ta_image: unknown img_type %u", img_type);
		return TEE_ERROR_BAD_FORMAT;
	}
	if (algo != TA_IMAGE_ALGO_RSA_PSS_SHA256 &&
	    algo != TA_IMAGE_ALGO_RSA_PKCS1_SHA256) {
		core_log("ta_image: signature algorithm 0x%x not accepted "
			 "(RSA PSS/PKCS#1 v1.5 with SHA-256 only)",
			 algo);
		return TEE_ERROR_BAD_FORMAT;
	}
	if (hash_size != TA_IMAGE_HASH_SIZE) {
		core_log("ta_image: hash_size %u, expected %u", hash_size,
			 TA_IMAGE_HASH_SIZE);
		return TEE_ERROR_BAD_FORMAT;
	}
	if (sig_size < TA_IMAGE_SIG_MIN || sig_size > TA_IMAGE_SIG_MAX) {
		core_log("ta_image: sig_size %u outside %u..%u", sig_size,
			 TA_IMAGE_SIG_MIN, TA_IMAGE_SIG_MAX);
		return TEE_ERROR_BAD_FORMAT;
	}

	hdr_len = TA_IMAGE_SHDR_SIZE;
	if (ADD_OVERFLOW(hdr_len, (size_t)hash_size, &hdr_len) ||
	    ADD_OVERFLOW(hdr_len, (size_t)sig_size, &hdr_len) ||
	    (img_type == TA_IMAGE_TYPE_BOOTSTRAP &&
	     ADD_OVERFLOW(hdr_len, (size_t)TA_IMAGE_BOOTSTRAP_SIZE, &hdr_len)) ||
	    ADD_OVERFLOW(hdr_len, (size_t)img_size, &total) || total != len) {
		core_log("ta_image: img_size %u + headers %zu != file size %zu",
			 img_size, hdr_len, len);
		return TEE_ERROR_BAD_FORMAT;
	}
	if (!img_size) {
		core_log("ta_image: empty payload");
		return TEE_ERROR_BAD_FORMAT;
	}

	img->shdr = p;
	img->img_type = img_type;
	img->algo = algo;
	img->hash = p + TA_IMAGE_SHDR_SIZE;
	img->sig = img->hash + hash_size;
	img->sig_size = sig_size;
	if (img_type == TA_IMAGE_TYPE_BOOTSTRAP) {
		img->has_uuid = true;
		img->bootstrap = img->sig + sig_size;
		memcpy(img->uuid, img->bootstrap, sizeof(img->uuid));
		img->ta_version = get_le32(img->bootstrap + 16);
	}
	img->elf = p + hdr_len;
	img->elf_size = img_size;
	return TEE_SUCCESS;
}

TEE_Result ta_image_verify_with_key(const struct ta_image *img,
				    const uint8_t uuid[16],
				    const struct crypto_rsa_pubkey *key)
{
	uint8_t digest[CRYPTO_SHA256_SIZE];
	struct crypto_sha256_ctx ctx;
	enum crypto_rsa_padding padding;
	char want[37], got[37];
	size_t key_size;
	TEE_Result res;

	if (!img || !img->shdr || !img->elf || !key ||
	    (img->has_uuid && !uuid))
		return TEE_ERROR_BAD_PARAMETERS;

	crypto_sha256_init(&ctx);
	crypto_sha256_update(&ctx, img->shdr, TA_IMAGE_SHDR_SIZE);
	if (img->has_uuid)
		crypto_sha256_update(&ctx, img->bootstrap,
				     TA_IMAGE_BOOTSTRAP_SIZE);
	crypto_sha256_update(&ctx, img->elf, img->elf_size);
	crypto_sha256_final(&ctx, digest);
	if (!crypto_ct_equal(digest, img->hash, sizeof(digest))) {
		core_log("ta_image: hash mismatch (header or payload altered)");
		return TEE_ERROR_SECURITY;
	}

	key_size = crypto_rsa_pubkey_size(key);
	if (!key_size) {
		core_log("ta_image: the verification key is unusable");
		return TEE_ERROR_BAD_PARAMETERS;
	}
	if (img->sig_size != key_size) {
		core_log("ta_image: %zu-byte signature, the key is %zu bytes: "
			 "signed with another key",
			 img->sig_size, key_size);
		return TEE_ERROR_SECURITY;
	}
	padding = img->algo == TA_IMAGE_ALGO_RSA_PSS_SHA256
			  ? CRYPTO_RSA_PSS_MGF1_SHA256
			  : CRYPTO_RSA_PKCS1_V15_SHA256;
	res = crypto_rsa_verify_sha256(key, padding, TA_IMAGE_PSS_SALT_LEN,
				       digest, img->sig, img->sig_size);
	if (res == TEE_ERROR_SIGNATURE_INVALID) {
		core_log("ta_image: %s signature does not verify",
			 padding == CRYPTO_RSA_PSS_MGF1_SHA256 ? "RSA-PSS"
							       : "RSA-PKCS1");
		return TEE_ERROR_SECURITY;
	}
	if (res) {
		core_log("ta_image: signature check failed: 0x%x", res);
		return res;
	}

	if (img->has_uuid && memcmp(img->uuid, uuid, sizeof(img->uuid))) {
		uuid_str(img->uuid, got);
		uuid_str(uuid, want);
		core_log("ta_image: image is signed for %s, not %s", got, want);
		return TEE_ERROR_SECURITY;
	}
	return TEE_SUCCESS;
}

TEE_Result ta_image_verify(const struct ta_image *img, const uint8_t uuid[16])
{
	return ta_image_verify_with_key(img, uuid, &builtin_key);
}

TEE_Result ta_image_open(const void *buf, size_t len, const uint8_t uuid[16],
			 struct ta_image *img)
{
	TEE_Result res = ta_image_decode(buf, len, img);

	if (!res)
		res = ta_image_verify(img, uuid);
	if (res && img)
		memset(img, 0, sizeof(*img));
	return res;
}
