/*
 * GP Arithmetical API (§8), part 2: basic arithmetic (§8.6) and modular
 * arithmetic (§8.7) over mbedTLS's bignum.
 */
#include <tee_internal_api.h>

#include "tee_api_arith_internal.h"

typedef int (*mpi_binop)(mbedtls_mpi *x, const mbedtls_mpi *a,
			 const mbedtls_mpi *b);

/* *dest = op1 <f> op2 (mod n if n); panics if it does not fit. */
static void binop(const char *func, TEE_BigInt *dest, const TEE_BigInt *op1,
		  const TEE_BigInt *op2, const TEE_BigInt *n, mpi_binop f)
{
	mbedtls_mpi x[4]; /* op1, op2, result, n */

	arith_mpi_init(x, 4);
	if (n)
		arith_load_modulus(func, &x[3], n);
	arith_load(func, &x[0], op1);
	arith_load(func, &x[1], op2);
	arith_check(func, f(&x[2], &x[0], &x[1]));
	if (n)
		arith_reduce(func, &x[2], &x[3]);
	arith_store_or_panic(func, dest, &x[2]);
	arith_mpi_free(x, 4);
}

/* --- §8.6 basic arithmetic --- */

void TEE_BigIntAdd(TEE_BigInt *dest, const TEE_BigInt *op1,
		   const TEE_BigInt *op2)
{
	binop(__func__, dest, op1, op2, NULL, mbedtls_mpi_add_mpi);
}

void TEE_BigIntSub(TEE_BigInt *dest, const TEE_BigInt *op1,
		   const TEE_BigInt *op2)
{
	binop(__func__, dest, op1, op2, NULL, mbedtls_mpi_sub_mpi);
}

void TEE_BigIntNeg(TEE_BigInt *dest, const TEE_BigInt *op)
{
	mbedtls_mpi x;

	mbedtls_mpi_init(&x);
	ARITH_LOAD(&x, op);
	x.s = -x.s; /* arith_store never makes a zero negative */
	ARITH_STORE(dest, &x);
	mbedtls_mpi_free(&x);
}

void TEE_BigIntMul(TEE_BigInt *dest, const TEE_BigInt *op1,
		   const TEE_BigInt *op2)
{
	binop(__func__, dest, op1, op2, NULL, mbedtls_mpi_mul_mpi);
}

void TEE_BigIntSquare(TEE_BigInt *dest, const TEE_BigInt *op)
{
	binop(__func__, dest, op, op, NULL, mbedtls_mpi_mul_mpi);
}

void TEE_BigIntDiv(TEE_BigInt *dest_q, TEE_BigInt *dest_r,
		   const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	mbedtls_mpi x[4]; /* op1, op2, q, r */

	if (dest_q && dest_q == dest_r)
		ARITH_PANIC("dest_q and dest_r are the same TEE_BigInt");
	arith_mpi_init(x, 4);
	ARITH_LOAD(&x[0], op1);
	ARITH_LOAD(&x[1], op2);
	if (!mbedtls_mpi_cmp_int(&x[1], 0))
		ARITH_PANIC("division by zero");
	/* mbedTLS truncates: q toward zero, r with op1's sign, as GP says. */
	MPI_CHECK(mbedtls_mpi_div_mpi(&x[2], &x[3], &x[0], &x[1]));
	if (dest_q)
		ARITH_STORE(dest_q, &x[2]);
	if (dest_r)
		ARITH_STORE(dest_r, &x[3]);
	arith_mpi_free(x, 4);
}

/* --- §8.7 modular arithmetic --- */

void TEE_BigIntMod(TEE_BigInt *dest, const TEE_BigInt *op, const TEE_BigInt *n)
{
	mbedtls_mpi x[2]; /* op, n */

	arith_mpi_init(x, 2);
	ARITH_LOAD_MODULUS(&x[1], n);
	ARITH_LOAD(&x[0], op);
	arith_reduce(__func__, &x[0], &x[1]);
	ARITH_STORE(dest, &x[0]);
	arith_mpi_free(x, 2);
}

void TEE_BigIntAddMod(TEE_BigInt *dest, const TEE_BigInt *op1,
		      const TEE_BigInt *op2, const TEE_BigInt *n)
{
	binop(__func__, dest, op1, op2, n, mbedtls_mpi_add_mpi);
}

void TEE_BigIntSubMod(TEE_BigInt *dest, const TEE_BigInt *op1,
		      const TEE_BigInt *op2, const TEE_BigInt *n)
{
	binop(__func__, dest, op1, op2, n, mbedtls_mpi_sub_mpi);
}

void TEE_BigIntMulMod(TEE_BigInt *dest, const TEE_BigInt *op1,
		      const TEE_BigInt *op2, const TEE_BigInt *n)
{
	binop(__func__, dest, op1, op2, n, mbedtls_mpi_mul_mpi);
}

void TEE_BigIntSquareMod(TEE_BigInt *dest, const TEE_BigInt *op,
			 const TEE_BigInt *n)
{
	binop(__func__, dest, op, op, n, mbedtls_mpi_mul_mpi);
}

void TEE_BigIntInvMod(TEE_BigInt *dest, const TEE_BigInt *op,
		      const TEE_BigInt *n)
{
	mbedtls_mpi x[3]; /* op, n, inverse */
	int ret;

	arith_mpi_init(x, 3);
	ARITH_LOAD_MODULUS(&x[1], n);
	ARITH_LOAD(&x[0], op);
	arith_reduce(__func__, &x[0], &x[1]);
	if (!mbedtls_mpi_cmp_int(&x[0], 0))
		ARITH_PANIC("op is 0 modulo n");
	ret = mbedtls_mpi_inv_mod(&x[2], &x[0], &x[1]);
	if (ret == MBEDTLS_ERR_MPI_NOT_ACCEPTABLE)
		ARITH_PANIC("op has no inverse modulo n");
	MPI_CHECK(ret);
	ARITH_STORE(dest, &x[2]);
	arith_mpi_free(x, 3);
}

/*
 * x = a^e mod n for an even n, which mbedTLS's Montgomery exponentiation
 * does not take: plain left-to-right square and multiply (not constant
 * time; even moduli are rare in cryptography). a is in [0, n-1].
 */
static void exp_mod_even(const char *func, mbedtls_mpi *x, const mbedtls_mpi *a,
			 const mbedtls_mpi *e, const mbedtls_mpi *n)
{
	mbedtls_mpi t;

	mbedtls_mpi_init(&t);
	arith_check(func, mbedtls_mpi_lset(x, 1));
	for (size_t i = mbedtls_mpi_bitlen(e); i-- > 0;) {
		arith_check(func, mbedtls_mpi_mul_mpi(&t, x, x));
		arith_check(func, mbedtls_mpi_mod_mpi(x, &t, n));
		if (mbedtls_mpi_get_bit(e, i)) {
			arith_check(func, mbedtls_mpi_mul_mpi(&t, x, a));
			arith_check(func, mbedtls_mpi_mod_mpi(x, &t, n));
		}
	}
	/* e = 0 leaves 1, which n >= 2 keeps in range. */
	mbedtls_mpi_free(&t);
}

TEE_Result TEE_BigIntExpMod(TEE_BigInt *dest, const TEE_BigInt *op1,
			    const TEE_BigInt *op2, const TEE_BigInt *n,
			    const TEE_BigIntFMMContext *context)
{
	mbedtls_mpi x[4]; /* base, exponent, n, result */

	arith_mpi_init(x, 4);
	ARITH_LOAD_MODULUS(&x[2], n);
	if (context)
		arith_check_context(__func__, context, &x[2]);
	ARITH_LOAD(&x[0], op1);
	ARITH_LOAD(&x[1], op2);
	if (mbedtls_mpi_cmp_int(&x[1], 0) < 0)
		ARITH_PANIC("negative exponent");
	arith_reduce(__func__, &x[0], &x[2]);
	if (mbedtls_mpi_get_bit(&x[2], 0))
		MPI_CHECK(
			mbedtls_mpi_exp_mod(&x[3], &x[0], &x[1], &x[2], NULL));
	else
		exp_mod_even(__func__, &x[3], &x[0], &x[1], &x[2]);
	ARITH_STORE(dest, &x[3]);
	arith_mpi_free(x, 4);
	return TEE_SUCCESS;
}
