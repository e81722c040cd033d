/*
 * libFuzzer over the signed TA image code: ta_image_decode() on arbitrary
 * bytes, then ta_image_verify(); and, for inputs that decode, a second
 * verify with the stored hash made correct, so the signature and UUID
 * checks see arbitrary headers and signatures too. The built-in key is the
 * committed public key that signed the seed corpus
 * (tests/fuzz/ta_image_key/ta_pubkey.h, see make_ta_image_corpus.sh).
 */
#include <crypto/crypto.h>
#include <stdlib.h>
#include <string.h>
#include <tee/ta_image.h>

static const uint8_t corpus_uuid[16] = {0x8a, 0xaa, 0xf2, 0x00, 0x24, 0x50,
					0x11, 0xe4, 0xab, 0xe2, 0x00, 0x02,
					0xa5, 0xd5, 0xc5, 0x1b};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (crypto_init())
		abort();
	return 0;
}

static void check_inside(const uint8_t *base, size_t len, const uint8_t *p,
			 size_t n)
{
	if (p < base || n > len || (size_t)(p - base) > len - n)
		abort();
}

static void check_result(TEE_Result r)
{
	if (r != TEE_SUCCESS && r != TEE_ERROR_SECURITY)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *buf = malloc(size ? size : 1);
	struct ta_image img;
	struct crypto_sha256_ctx ctx;
	TEE_Result r;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	r = ta_image_decode(buf, size, &img);
	if (r == TEE_SUCCESS) {
		/* Everything decode hands out lies inside the input. */
		check_inside(buf, size, img.shdr, TA_IMAGE_SHDR_SIZE);
		check_inside(buf, size, img.hash, TA_IMAGE_HASH_SIZE);
		check_inside(buf, size, img.sig, img.sig_size);
		check_inside(buf, size, img.elf, img.elf_size);
		if (img.elf + img.elf_size != buf + size)
			abort();
		if (img.has_uuid)
			check_inside(buf, size, img.bootstrap,
				     TA_IMAGE_BOOTSTRAP_SIZE);
		check_result(ta_image_verify(&img, corpus_uuid));

		crypto_sha256_init(&ctx);
		crypto_sha256_update(&ctx, img.shdr, TA_IMAGE_SHDR_SIZE);
		if (img.has_uuid)
			crypto_sha256_update(&ctx, img.bootstrap,
					     TA_IMAGE_BOOTSTRAP_SIZE);
		crypto_sha256_update(&ctx, img.elf, img.elf_size);
		crypto_sha256_final(&ctx, buf + TA_IMAGE_SHDR_SIZE);
		check_result(ta_image_verify(&img, corpus_uuid));
	} else if (r != TEE_ERROR_BAD_FORMAT && r != TEE_ERROR_NOT_SUPPORTED) {
		abort();
	}
	free(buf);
	return 0;
}
