/*
 * mbedTLS 2.28 configuration for the TA side (libmbedtls.a of the dev kit):
 * only the bignum module, for the GP Arithmetical API in libutee. Built
 * freestanding with the TA code-generation flags; memory comes from the
 * TA heap through the TA libc's calloc/free.
 */
#ifndef RAMPART_MBEDTLS_CONFIG_TA_H
#define RAMPART_MBEDTLS_CONFIG_TA_H

#include <stdlib.h> /* calloc, free: the TA libc's, over the TA heap */

#define MBEDTLS_HAVE_ASM
/* Long division without __udivti3: libgcc's helper is not guaranteed to
 * stay off the FP/SIMD registers, which TAs must not touch. */
#define MBEDTLS_NO_UDBL_DIVISION

#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_PLATFORM_NO_STD_FUNCTIONS
#define MBEDTLS_PLATFORM_CALLOC_MACRO calloc
#define MBEDTLS_PLATFORM_FREE_MACRO free

#define MBEDTLS_BIGNUM_C
/* mbedtls_mpi_is_prime_ext (and gen_prime, unused). */
#define MBEDTLS_GENPRIME
/* 8192 bits, the largest TEE_BigInt (exp_mod refuses larger operands). */
#define MBEDTLS_MPI_MAX_SIZE 1024
/* Modular exponentiation keeps about 2^(w-1) precomputed powers of the
 * modulus' size: w = 3 keeps that near 5 KiB for an 8192-bit modulus, so
 * TAs with small heaps can still use it. */
#define MBEDTLS_MPI_WINDOW_SIZE 3

#include "mbedtls/check_config.h"

#endif
