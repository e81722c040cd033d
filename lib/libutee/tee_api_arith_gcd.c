/*
 * GP Arithmetical API (§8), part 3: the other arithmetic operations
 * (§8.8): relative primality, extended GCD and probabilistic primality.
 */
#include <tee_internal_api.h>

#include "tee_api_arith_internal.h"

/* Miller-Rabin rounds at most (each leaves a composite a 1/4 chance). */
#define MAX_ROUNDS 256
/* GP's floor for confidenceLevel. */
#define MIN_CONFIDENCE 80
/* mbedTLS settles values up to its largest small prime (997) exactly. */
#define EXACT_BELOW 1000

bool TEE_BigIntRelativePrime(const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	mbedtls_mpi x[3]; /* op1, op2, gcd */
	bool r;

	arith_mpi_init(x, 3);
	ARITH_LOAD(&x[0], op1);
	ARITH_LOAD(&x[1], op2);
	MPI_CHECK(mbedtls_mpi_gcd(&x[2], &x[0], &x[1]));
	/*
	 * When one operand is zero, mbedTLS answers with the other one, sign
	 * included: gcd(-1, 0) comes back as -1, and 1 is what GP means.
	 */
	r = !mbedtls_mpi_cmp_int(&x[2], 1) || !mbedtls_mpi_cmp_int(&x[2], -1);
	arith_mpi_free(x, 3);
	return r;
}

/* (a, b) <- (b, a - q * b), the extended Euclidean algorithm's step. */
static void euclid_step(const char *func, mbedtls_mpi *a, mbedtls_mpi *b,
			const mbedtls_mpi *q, mbedtls_mpi *t)
{
	arith_check(func, mbedtls_mpi_mul_mpi(t, q, b));
	arith_check(func, mbedtls_mpi_sub_mpi(t, a, t));
	mbedtls_mpi_swap(a, b);
	mbedtls_mpi_swap(b, t);
}

void TEE_BigIntComputeExtendedGcd(TEE_BigInt *gcd, TEE_BigInt *u, TEE_BigInt *v,
				  const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	/* r0 r1: remainders; s0 s1, t0 t1: their coefficients of op1, op2 */
	enum { R0, R1, S0, S1, T0, T1, Q, R, TMP, NUM };
	mbedtls_mpi x[NUM];
	int sign1, sign2;

	if (!gcd)
		ARITH_PANIC("NULL gcd");
	if (gcd == u || gcd == v || (u && u == v))
		ARITH_PANIC("gcd, u and v must be distinct TEE_BigInts");
	arith_mpi_init(x, NUM);
	ARITH_LOAD(&x[R0], op1);
	ARITH_LOAD(&x[R1], op2);
	if (!mbedtls_mpi_cmp_int(&x[R0], 0) && !mbedtls_mpi_cmp_int(&x[R1], 0))
		ARITH_PANIC("op1 and op2 are both zero");
	sign1 = x[R0].s;
	sign2 = x[R1].s;
	x[R0].s = x[R1].s = 1;
	MPI_CHECK(mbedtls_mpi_lset(&x[S0], 1));
	MPI_CHECK(mbedtls_mpi_lset(&x[S1], 0));
	MPI_CHECK(mbedtls_mpi_lset(&x[T0], 0));
	MPI_CHECK(mbedtls_mpi_lset(&x[T1], 1));
	/* Invariant: r0 = s0 |op1| + t0 |op2|, r1 = s1 |op1| + t1 |op2|. */
	while (mbedtls_mpi_cmp_int(&x[R1], 0)) {
		MPI_CHECK(mbedtls_mpi_div_mpi(&x[Q], &x[R], &x[R0], &x[R1]));
		mbedtls_mpi_swap(&x[R0], &x[R1]);
		mbedtls_mpi_swap(&x[R1], &x[R]);
		euclid_step(__func__, &x[S0], &x[S1], &x[Q], &x[TMP]);
		euclid_step(__func__, &x[T0], &x[T1], &x[Q], &x[TMP]);
	}
	if (sign1 < 0)
		x[S0].s = -x[S0].s;
	if (sign2 < 0)
		x[T0].s = -x[T0].s;
	ARITH_STORE(gcd, &x[R0]);
	if (u)
		ARITH_STORE(u, &x[S0]);
	if (v)
		ARITH_STORE(v, &x[T0]);
	arith_mpi_free(x, NUM);
}

static int random_bytes(void *unused, unsigned char *buf, size_t len)
{
	(void)unused;
	TEE_GenerateRandom(buf, len);
	return 0;
}

int32_t TEE_BigIntIsProbablePrime(const TEE_BigInt *op,
				  uint32_t confidenceLevel)
{
	uint32_t conf = confidenceLevel < MIN_CONFIDENCE ? MIN_CONFIDENCE
							 : confidenceLevel;
	uint32_t want = conf / 2 + (conf & 1); /* rounds for 2^-conf */
	mbedtls_mpi x;
	int32_t r;
	int ret;

	mbedtls_mpi_init(&x);
	ARITH_LOAD(&x, op);
	x.s = 1;
	ret = mbedtls_mpi_is_prime_ext(
		&x, want < MAX_ROUNDS ? want : MAX_ROUNDS, random_bytes, NULL);
	if (ret == MBEDTLS_ERR_MPI_NOT_ACCEPTABLE) {
		r = 0;
	} else {
		MPI_CHECK(ret);
		/* Passed: certain below EXACT_BELOW, otherwise within 2^-conf
		 * only if every wanted round ran. */
		r = 1;
		if (want > MAX_ROUNDS &&
		    mbedtls_mpi_cmp_int(&x, EXACT_BELOW) >= 0)
			r = -1;
	}
	mbedtls_mpi_free(&x);
	return r;
}
