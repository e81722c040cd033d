/*
 * Interface of crypt_ta, the test TA of the GP crypto API (shared with the
 * in-guest client tests/guest/cryptest). Multi-instance: every session is
 * an instance of its own, so a panic ends only that session.
 *
 * CRYPT_CMD_RUN     [0] MEMREF_INPUT a struct crypt_req and its data,
 *                   [1] MEMREF_OUTPUT the result bytes,
 *                   [2] VALUE_OUTPUT a = the GP result of the last call,
 *                       b = the step that returned it (CRYPT_STEP_*).
 *   Runs one message through the GP API: objects for the key(s),
 *   an operation, input in pieces chosen by req.seed (0: everything in the
 *   final call), outputs concatenated:
 *     digest        the digest
 *     cipher        the output
 *     MAC           the MAC (CRYPT_F_COMPARE: TEE_MACCompareFinal against
 *                   the tag field, no output)
 *     AE encrypt    ciphertext ++ tag (tag_len bytes)
 *     AE decrypt    plaintext, the tag field checked
 *   The command returns TEE_SUCCESS even when the GP call does not (see
 *   [2]); an API misuse panics as GP says.
 * CRYPT_CMD_MISUSE  [0] VALUE_INPUT a = CRYPT_M_*, b = argument,
 *                   [1] VALUE_OUTPUT a, b:
 *   one scenario; returns TEE_SUCCESS when every check inside passed
 *   (a = checks done), else TEE_ERROR_GENERIC with a = the failed check's
 *   line, b = the value found. Scenarios that must panic never return.
 * CRYPT_CMD_GP11    [0] MEMREF_INPUT key (16 bytes), [1] MEMREF_OUTPUT:
 *   HMAC-SHA1 over "Sample #1" and AES-128-CBC of 32 zero bytes (zero
 *   IV), made in a GP 1.1 (uint32_t lengths) translation unit.
 */
#ifndef CRYPT_TA_H
#define CRYPT_TA_H

#include <stdint.h>

/* 48d6dccc-26df-42d3-bcf2-0ef49a190b00 */
/* clang-format off */
#define CRYPT_TA_UUID \
	{ 0x48d6dccc, 0x26df, 0x42d3, \
		{ 0xbc, 0xf2, 0x0e, 0xf4, 0x9a, 0x19, 0x0b, 0x00 } }
/* clang-format on */

#define CRYPT_CMD_RUN 0
#define CRYPT_CMD_MISUSE 1
#define CRYPT_CMD_GP11 2
/*
 * CRYPT_CMD_ASYM    [0] VALUE_INPUT a = CRYPT_ASYM_G_*, [1] VALUE_OUTPUT
 *                   a, b as CRYPT_CMD_MISUSE, [2] VALUE_OUTPUT a = the
 *                   vector that failed, b = vectors run:
 *   the asymmetric tests of one group (tests/ta/crypt_ta/asym*.c).
 */
#define CRYPT_CMD_ASYM 3
/*
 * CRYPT_CMD_ASYM_BENCH [0] VALUE_INPUT a = CRYPT_BENCH_*, b = samples
 *                   (1..31), [1] VALUE_OUTPUT a = sign, b = verify: median
 *                   microseconds per operation with a fixed key.
 */
#define CRYPT_CMD_ASYM_BENCH 4
#define CRYPT_BENCH_RSA2048 0 /* PKCS#1 v1.5 SHA-256 */
#define CRYPT_BENCH_P256 1    /* ECDSA SHA-256 */
/*
 * CRYPT_CMD_ASYM_EXPORT [0] VALUE_INPUT a = case (0, 1, ... until
 *                   TEE_ERROR_ITEM_NOT_FOUND), [1] MEMREF_OUTPUT: one text
 *                   line, a signature or ciphertext of the TA with its key
 *                   and input, for OpenSSL on the host (asym_export.c).
 */
#define CRYPT_CMD_ASYM_EXPORT 5
/*
 * CRYPT_CMD_ASYM_OP [0] MEMREF_INPUT the request (layout in
 *                   tests/ta/crypt_ta/asym_op.c, at most
 *                   CRYPT_ASYM_OP_MAX bytes), [1] MEMREF_OUTPUT the result
 *                   bytes, [2] VALUE_OUTPUT a = the GP result: one
 *                   sign/verify/encrypt/decrypt/derive with a given key.
 */
#define CRYPT_CMD_ASYM_OP 6
#define CRYPT_ASYM_OP_MAX 8192

enum crypt_asym_group {
	ASYM_G_RSA_V15_SIG,
	ASYM_G_RSA_PSS,
	ASYM_G_RSA_OAEP,
	ASYM_G_RSA_V15_ENC,
	ASYM_G_RSA_NOPAD,
	ASYM_G_ECDSA,
	ASYM_G_ECDH,
	ASYM_G_X25519,
	ASYM_G_DH,
	ASYM_G_KDF,	     /* HKDF, PBKDF2 (OP-TEE extensions) */
	ASYM_G_KEYGEN,	     /* RSA 512/1024, every curve, X25519 */
	ASYM_G_KEYGEN_2048,  /* one RSA-2048 key */
	ASYM_G_MISUSE,	     /* short buffers, bad inputs, support answers */
	ASYM_G_CONCAT_KDF,   /* OP-TEE's Concat KDF */
	ASYM_G_HKDF_GP,	     /* GP 1.3.1 TEE_ALG_HKDF (RFC 5869) */
	ASYM_G_RSA_OAEP_MGF, /* OAEP with another MGF1 hash (pyca vectors) */
	ASYM_G_KDF_MISUSE,   /* KDF and MGF1 hash parameters refused */
	ASYM_G_COUNT
};

#define CRYPT_F_COMPARE 0x1 /* MAC: compare instead of compute */
#define CRYPT_F_EXTRACT 0x2 /* digest: TEE_DigestExtract in pieces */
#define CRYPT_F_COPY 0x4    /* continue on a TEE_CopyOperation copy */

/*
 * Followed by key, key2, iv (AE: nonce), aad, data, tag. max_key: the
 * operation's maxKeySize (0: the key's size, both keys for XTS).
 */
struct crypt_req {
	uint32_t algo, mode, key_type;
	uint32_t key_len, key2_len, iv_len, aad_len, data_len, tag_len;
	uint32_t seed, flags, max_key;
};

#define CRYPT_STEP_SETUP 1
#define CRYPT_STEP_UPDATE 2
#define CRYPT_STEP_FINAL 3

/* Misuse scenarios. Those ending in _PANIC must panic the TA. */
enum crypt_misuse {
	CRYPT_M_SHORT_DIGEST,
	CRYPT_M_SHORT_CIPHER,
	CRYPT_M_SHORT_AE,
	CRYPT_M_SHORT_MAC,
	CRYPT_M_MAC_INVALID,
	CRYPT_M_AE_TAG_INVALID,
	CRYPT_M_EXTRACTABLE,
	CRYPT_M_SYSCALL_NOT_EXTRACTABLE,
	CRYPT_M_SYSCALL_BAD_POINTERS,
	CRYPT_M_ALLOC_RULES,
	CRYPT_M_POPULATE_RULES,
	CRYPT_M_INFO,
	CRYPT_M_COPY_OPERATION,
	CRYPT_M_GENERATE,
	CRYPT_M_XTS_SAME_KEYS,
	CRYPT_M_AE_LIMITS,
	CRYPT_M_BUDGET,
	CRYPT_M_STATES,
	CRYPT_M_MAKE_KEY,    /* b = the handle of a fresh extractable key */
	CRYPT_M_PEEK_HANDLE, /* [0].b = another instance's handle: refused */
	/* Each of these must end the instance with a panic. */
	CRYPT_M_NOT_EXTRACTABLE_PANIC,
	CRYPT_M_WRONG_KEY_TYPE_PANIC,
	CRYPT_M_KEY_TOO_BIG_PANIC,
	CRYPT_M_KEY_USAGE_PANIC,
	CRYPT_M_UPDATE_BEFORE_INIT_PANIC,
	CRYPT_M_FINAL_TWICE_PANIC,
	CRYPT_M_MAC_UPDATE_BEFORE_INIT_PANIC,
	CRYPT_M_DIGEST_AFTER_EXTRACT_PANIC,
	CRYPT_M_AAD_AFTER_PAYLOAD_PANIC,
	CRYPT_M_NOPAD_PARTIAL_PANIC,
	CRYPT_M_BAD_HANDLE_PANIC,
	CRYPT_M_STALE_HANDLE_PANIC,
	CRYPT_M_OBJ_AS_OP_PANIC,
	CRYPT_M_MISSING_ATTR_PANIC,
	CRYPT_M_POPULATE_TWICE_PANIC,
	CRYPT_M_RESET_NO_KEY_PANIC,
	CRYPT_M_GENERATE_SIZE_PANIC,
	CRYPT_M_WRONG_CLASS_PANIC,
	CRYPT_M_ASYM_PUBLIC_SIGN_PANIC,	   /* sign with a public key */
	CRYPT_M_ASYM_WRONG_KEY_TYPE_PANIC, /* ECDSA key, RSA operation */
	CRYPT_M_ASYM_WRONG_MODE_PANIC,	   /* sign on a verify operation */
	CRYPT_M_COUNT
};
#define CRYPT_M_FIRST_PANIC CRYPT_M_NOT_EXTRACTABLE_PANIC

#endif
