/*
 * mbedTLS 2.28 configuration for the core: freestanding (no file system,
 * no network, no time, no stdio), memory from the core heap, only the
 * algorithms the core uses or is about to (the GP crypto API). Unused code
 * falls out at link time (--gc-sections).
 */
#ifndef RAMPART_MBEDTLS_CONFIG_H
#define RAMPART_MBEDTLS_CONFIG_H

#define MBEDTLS_HAVE_ASM
#define MBEDTLS_NO_UDBL_DIVISION /* no __udivti3 dependency */
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_PLATFORM_NO_STD_FUNCTIONS
#define MBEDTLS_PLATFORM_SNPRINTF_MACRO fmt_snprintf

/*
 * Hashes and MACs (the GP digest and MAC operations, HMAC-DRBG). Every
 * hash enabled here is linked as soon as anything uses MBEDTLS_MD_C.
 */
#define MBEDTLS_MD_C
#define MBEDTLS_MD5_C
#define MBEDTLS_SHA1_C
#define MBEDTLS_SHA256_C
/* Our compression function: core/crypto/alt/sha256_alt.c. */
#define MBEDTLS_SHA256_PROCESS_ALT
#define MBEDTLS_SHA512_C
#define MBEDTLS_CMAC_C
#define MBEDTLS_HKDF_C
#define MBEDTLS_PKCS5_C

/*
 * Block ciphers and their modes (GP symmetric ciphers, MACs and AE). AES
 * tables in ROM: mbedTLS builds them at run time otherwise, lazily and
 * without a lock, which two CPUs could race on.
 */
#define MBEDTLS_AES_C
#define MBEDTLS_AES_ROM_TABLES
#define MBEDTLS_DES_C
#define MBEDTLS_CIPHER_C
#define MBEDTLS_CIPHER_MODE_CBC
#define MBEDTLS_CIPHER_MODE_CTR
#define MBEDTLS_GCM_C
#define MBEDTLS_CCM_C

/* Public keys: TA signatures now, the GP asymmetric operations next. */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_GENPRIME
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V15
#define MBEDTLS_PKCS1_V21
#define MBEDTLS_OID_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_DHM_C
#define MBEDTLS_ECP_C
#define MBEDTLS_ECP_NIST_OPTIM
#define MBEDTLS_ECP_DP_SECP192R1_ENABLED
#define MBEDTLS_ECP_DP_SECP224R1_ENABLED
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
#define MBEDTLS_ECP_DP_SECP521R1_ENABLED
#define MBEDTLS_ECP_DP_CURVE25519_ENABLED
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ECDH_C

/* Deterministic random bit generators. */
#define MBEDTLS_HMAC_DRBG_C
#define MBEDTLS_CTR_DRBG_C

#include "mbedtls/check_config.h"

#endif
