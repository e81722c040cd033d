/*
 * mbedTLS 2.28 configuration for the core: freestanding (no file system,
 * no network, no time, no stdio), memory from the core heap, only the
 * algorithms the core uses. Grows with the GP crypto API.
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
 * Hashes and MACs. Every hash enabled here is linked into the core as soon
 * as anything uses MBEDTLS_MD_C (md.c's tables reference them all), so only
 * add SHA-1/SHA-512 together with the GP operations that need them.
 */
#define MBEDTLS_MD_C
#define MBEDTLS_SHA256_C

/* Public-key verification of TA signatures. */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V15
#define MBEDTLS_PKCS1_V21
#define MBEDTLS_OID_C
#define MBEDTLS_ASN1_PARSE_C

/* Deterministic random bit generator. */
#define MBEDTLS_HMAC_DRBG_C
#define MBEDTLS_CTR_DRBG_C
#define MBEDTLS_AES_C

#include "mbedtls/check_config.h"

#endif
