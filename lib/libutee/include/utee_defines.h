/*
 * Algorithm-identifier anatomy, digest/block sizes, byte-order and time
 * helpers (OP-TEE's utee_defines.h names).
 */
#ifndef RAMPART_UTEE_DEFINES_H
#define RAMPART_UTEE_DEFINES_H

#include <compiler.h>
#include <stdint.h>
#include <tee_api_defines.h>
#include <types_ext.h>

/* Bits 7:0 of an algorithm identifier */
#define TEE_MAIN_ALGO_MD5 0x01
#define TEE_MAIN_ALGO_SHA1 0x02
#define TEE_MAIN_ALGO_SHA224 0x03
#define TEE_MAIN_ALGO_SHA256 0x04
#define TEE_MAIN_ALGO_SHA384 0x05
#define TEE_MAIN_ALGO_SHA512 0x06
#define TEE_MAIN_ALGO_SM3 0x07
#define TEE_MAIN_ALGO_SHA3_224 0x08
#define TEE_MAIN_ALGO_SHA3_256 0x09
#define TEE_MAIN_ALGO_SHA3_384 0x0A
#define TEE_MAIN_ALGO_SHA3_512 0x0B
#define TEE_MAIN_ALGO_MD5SHA1 0x0F
#define TEE_MAIN_ALGO_AES 0x10
#define TEE_MAIN_ALGO_DES 0x11
#define TEE_MAIN_ALGO_DES2 0x12
#define TEE_MAIN_ALGO_DES3 0x13
#define TEE_MAIN_ALGO_SM4 0x14
#define TEE_MAIN_ALGO_RSA 0x30
#define TEE_MAIN_ALGO_DSA 0x31
#define TEE_MAIN_ALGO_DH 0x32
#define TEE_MAIN_ALGO_ECDSA 0x41
#define TEE_MAIN_ALGO_ECDH 0x42
#define TEE_MAIN_ALGO_ED25519 0x43
#define TEE_MAIN_ALGO_X25519 0x44
#define TEE_MAIN_ALGO_SM2_DSA_SM3 0x45
#define TEE_MAIN_ALGO_SM2_KEP 0x46
#define TEE_MAIN_ALGO_SM2_PKE 0x47
#define TEE_MAIN_ALGO_HKDF 0xC0
#define TEE_MAIN_ALGO_CONCAT_KDF 0xC1
#define TEE_MAIN_ALGO_PBKDF2 0xC2

/* Bits 11:8 */
#define TEE_CHAIN_MODE_ECB_NOPAD 0x0
#define TEE_CHAIN_MODE_CBC_NOPAD 0x1
#define TEE_CHAIN_MODE_CTR 0x2
#define TEE_CHAIN_MODE_CTS 0x3
#define TEE_CHAIN_MODE_XTS 0x4
#define TEE_CHAIN_MODE_CBC_MAC_PKCS5 0x5
#define TEE_CHAIN_MODE_CMAC 0x6
#define TEE_CHAIN_MODE_CCM 0x7
#define TEE_CHAIN_MODE_GCM 0x8
#define TEE_CHAIN_MODE_PKCS1_PSS_MGF1 0x9

#define TEE_ALG_GET_CLASS(algo) (((algo) >> 28) & 0xF)
#define TEE_ALG_GET_MAIN_ALG(algo) ((algo)&0xFF)
#define TEE_ALG_GET_CHAIN_MODE(algo) (((algo) >> 8) & 0xF)
#define TEE_ALG_GET_DIGEST_HASH(algo) (((algo) >> 12) & 0xF)
#define TEE_ALG_GET_INTERNAL_HASH(algo) (((algo) >> 20) & 0x7)
#define TEE_ALG_GET_KEY_TYPE(algo, with_private_key)                           \
	(TEE_ALG_GET_MAIN_ALG(algo) |                                          \
	 ((with_private_key) ? 0xA1000000 : 0xA0000000))
#define TEE_ALG_HASH_ALGO(main_hash) (TEE_OPERATION_DIGEST << 28 | (main_hash))
#define TEE_ALG_HMAC_ALGO(main_hash) (TEE_OPERATION_MAC << 28 | (main_hash))
#define TEE_INTERNAL_HASH_TO_ALGO(algo)                                        \
	TEE_ALG_HASH_ALGO(TEE_ALG_GET_INTERNAL_HASH(algo))
#define TEE_DIGEST_HASH_TO_ALGO(algo)                                          \
	TEE_ALG_HASH_ALGO(TEE_ALG_GET_DIGEST_HASH(algo))

#define TEE_MD5_HASH_SIZE 16
#define TEE_SHA1_HASH_SIZE 20
#define TEE_SHA224_HASH_SIZE 28
#define TEE_SHA256_HASH_SIZE 32
#define TEE_SM3_HASH_SIZE 32
#define TEE_SHA384_HASH_SIZE 48
#define TEE_SHA512_HASH_SIZE 64
#define TEE_MD5SHA1_HASH_SIZE (TEE_MD5_HASH_SIZE + TEE_SHA1_HASH_SIZE)
#define TEE_MAX_HASH_SIZE 64

#define TEE_AES_BLOCK_SIZE 16UL
#define TEE_DES_BLOCK_SIZE 8UL
#define TEE_SM4_BLOCK_SIZE 16UL
#define TEE_AES_MAX_KEY_SIZE 32UL

#define TEE_U64_BSWAP(x) __compiler_bswap64((uint64_t)(x))
#define TEE_U32_BSWAP(x) __compiler_bswap32((uint32_t)(x))
#define TEE_U16_BSWAP(x) __compiler_bswap16((uint16_t)(x))

/* AArch64 TAs run little-endian. */
#define TEE_U64_FROM_BIG_ENDIAN(x) TEE_U64_BSWAP(x)
#define TEE_U32_FROM_BIG_ENDIAN(x) TEE_U32_BSWAP(x)
#define TEE_U16_FROM_BIG_ENDIAN(x) TEE_U16_BSWAP(x)
#define TEE_U64_TO_BIG_ENDIAN(x) TEE_U64_BSWAP(x)
#define TEE_U32_TO_BIG_ENDIAN(x) TEE_U32_BSWAP(x)
#define TEE_U16_TO_BIG_ENDIAN(x) TEE_U16_BSWAP(x)
#define TEE_U64_FROM_LITTLE_ENDIAN(x) ((uint64_t)(x))
#define TEE_U32_FROM_LITTLE_ENDIAN(x) ((uint32_t)(x))
#define TEE_U16_FROM_LITTLE_ENDIAN(x) ((uint16_t)(x))
#define TEE_U64_TO_LITTLE_ENDIAN(x) ((uint64_t)(x))
#define TEE_U32_TO_LITTLE_ENDIAN(x) ((uint32_t)(x))
#define TEE_U16_TO_LITTLE_ENDIAN(x) ((uint16_t)(x))

/* TEE_Time arithmetic */
#define TEE_TIME_MILLIS_BASE 1000

#define TEE_TIME_LT(t1, t2)                                                    \
	(((t1).seconds == (t2).seconds) ? ((t1).millis < (t2).millis)          \
					: ((t1).seconds < (t2).seconds))
#define TEE_TIME_LE(t1, t2)                                                    \
	(((t1).seconds == (t2).seconds) ? ((t1).millis <= (t2).millis)         \
					: ((t1).seconds <= (t2).seconds))

#define TEE_TIME_ADD(t1, t2, dst)                                              \
	do {                                                                   \
		(dst).seconds = (t1).seconds + (t2).seconds;                   \
		(dst).millis = (t1).millis + (t2).millis;                      \
		if ((dst).millis >= TEE_TIME_MILLIS_BASE) {                    \
			(dst).seconds++;                                       \
			(dst).millis -= TEE_TIME_MILLIS_BASE;                  \
		}                                                              \
	} while (0)

#define TEE_TIME_SUB(t1, t2, dst)                                              \
	do {                                                                   \
		(dst).seconds = (t1).seconds - (t2).seconds;                   \
		if ((t1).millis < (t2).millis) {                               \
			(dst).seconds--;                                       \
			(dst).millis = (t1).millis + TEE_TIME_MILLIS_BASE -    \
				       (t2).millis;                            \
		} else {                                                       \
			(dst).millis = (t1).millis - (t2).millis;              \
		}                                                              \
	} while (0)

#endif
