/*
 * Finite-field Diffie-Hellman for TEE_GenerateKey(TEE_TYPE_DH_KEYPAIR) and
 * TEE_ALG_DH_DERIVE_SHARED_SECRET, on mbedTLS's big numbers (the group
 * comes from the key's attributes, so mbedtls_dhm's fixed-size private
 * values are no help). The shared secret is padded to the prime's size.
 */
#include <crypto/crypto_asym.h>

#include <mbedtls/bignum.h>

static TEE_Result error_of(int ret)
{
	if (!ret)
		return TEE_SUCCESS;
	if (ret == MBEDTLS_ERR_MPI_ALLOC_FAILED)
		return TEE_ERROR_OUT_OF_MEMORY;
	return TEE_ERROR_BAD_PARAMETERS;
}

/* 1 < v < p - 1 (@pm1 = p - 1). */
static bool in_range(const mbedtls_mpi *v, const mbedtls_mpi *pm1)
{
	return mbedtls_mpi_cmp_int(v, 1) > 0 && mbedtls_mpi_cmp_mpi(v, pm1) < 0;
}

TEE_Result crypto_dh_generate(const struct crypto_bn *p,
			      const struct crypto_bn *g, uint32_t xbits,
			      uint8_t *x, size_t *x_len, uint8_t *y,
			      size_t *y_len)
{
	mbedtls_mpi P, G, X, Y, PM1;
	size_t plen;
	int ret, tries = 0;

	mbedtls_mpi_init(&P);
	mbedtls_mpi_init(&G);
	mbedtls_mpi_init(&X);
	mbedtls_mpi_init(&Y);
	mbedtls_mpi_init(&PM1);
	ret = mbedtls_mpi_read_binary(&P, p->p, p->len);
	if (!ret)
		ret = mbedtls_mpi_read_binary(&G, g->p, g->len);
	if (!ret)
		ret = mbedtls_mpi_sub_int(&PM1, &P, 1);
	plen = mbedtls_mpi_size(&P);
	if (!ret && (mbedtls_mpi_bitlen(&P) < 16 || !in_range(&G, &PM1) ||
		     xbits > mbedtls_mpi_bitlen(&P)))
		ret = MBEDTLS_ERR_MPI_BAD_INPUT_DATA;
	/* Draw until in range: at most a few tries for any sane group. */
	do {
		size_t bits = xbits ? xbits : mbedtls_mpi_bitlen(&P);

		if (ret || ++tries > 64)
			break;
		ret = mbedtls_mpi_fill_random(&X, (bits + 7) / 8,
					      crypto_asym_rng, NULL);
		if (!ret)
			ret = mbedtls_mpi_shift_r(&X,
						  (bits + 7) / 8 * 8 - bits);
		/* An exact size when asked: the top bit set. */
		if (!ret && xbits)
			ret = mbedtls_mpi_set_bit(&X, xbits - 1, 1);
	} while (!ret && !in_range(&X, &PM1));
	if (!ret && !in_range(&X, &PM1))
		ret = MBEDTLS_ERR_MPI_BAD_INPUT_DATA;
	if (!ret)
		ret = mbedtls_mpi_exp_mod(&Y, &G, &X, &P, NULL);
	if (!ret) {
		*x_len = mbedtls_mpi_size(&X);
		*y_len = plen;
		ret = mbedtls_mpi_write_binary(&X, x, *x_len);
	}
	if (!ret)
		ret = mbedtls_mpi_write_binary(&Y, y, plen);
	mbedtls_mpi_free(&P);
	mbedtls_mpi_free(&G);
	mbedtls_mpi_free(&X);
	mbedtls_mpi_free(&Y);
	mbedtls_mpi_free(&PM1);
	return error_of(ret);
}

TEE_Result crypto_dh_shared(const struct crypto_bn *p,
			    const struct crypto_bn *x,
			    const struct crypto_bn *peer, uint8_t *out,
			    size_t *len)
{
	mbedtls_mpi P, X, Q, K, PM1;
	int ret;

	mbedtls_mpi_init(&P);
	mbedtls_mpi_init(&X);
	mbedtls_mpi_init(&Q);
	mbedtls_mpi_init(&K);
	mbedtls_mpi_init(&PM1);
	ret = mbedtls_mpi_read_binary(&P, p->p, p->len);
	if (!ret)
		ret = mbedtls_mpi_read_binary(&X, x->p, x->len);
	if (!ret)
		ret = mbedtls_mpi_read_binary(&Q, peer->p, peer->len);
	if (!ret)
		ret = mbedtls_mpi_sub_int(&PM1, &P, 1);
	/* A peer value of 0, 1 or p - 1 would give away the secret. */
	if (!ret && (!in_range(&Q, &PM1) || mbedtls_mpi_cmp_int(&X, 0) <= 0))
		ret = MBEDTLS_ERR_MPI_BAD_INPUT_DATA;
	if (!ret)
		ret = mbedtls_mpi_exp_mod(&K, &Q, &X, &P, NULL);
	if (!ret) {
		*len = mbedtls_mpi_size(&P);
		ret = mbedtls_mpi_write_binary(&K, out, *len);
	}
	mbedtls_mpi_free(&P);
	mbedtls_mpi_free(&X);
	mbedtls_mpi_free(&Q);
	mbedtls_mpi_free(&K);
	mbedtls_mpi_free(&PM1);
	return error_of(ret);
}
