/*
 * Elliptic curves for the GP asymmetric operations (crypto_asym.h) with
 * mbedTLS: ECDSA and ECDH over NIST P-192..P-521, X25519 (RFC 7748).
 * GP's ECDSA signature is r || s, each half the curve's size.
 */
#include <crypto/crypto_asym.h>
#include <string.h>
#include <tee/tee_cryp_defs.h>

#include <mbedtls/ecdh.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>

static mbedtls_ecp_group_id group_of(uint32_t curve)
{
	switch (curve) {
	case TEE_ECC_CURVE_NIST_P192:
		return MBEDTLS_ECP_DP_SECP192R1;
	case TEE_ECC_CURVE_NIST_P224:
		return MBEDTLS_ECP_DP_SECP224R1;
	case TEE_ECC_CURVE_NIST_P256:
		return MBEDTLS_ECP_DP_SECP256R1;
	case TEE_ECC_CURVE_NIST_P384:
		return MBEDTLS_ECP_DP_SECP384R1;
	case TEE_ECC_CURVE_NIST_P521:
		return MBEDTLS_ECP_DP_SECP521R1;
	case TEE_ECC_CURVE_25519:
		return MBEDTLS_ECP_DP_CURVE25519;
	}
	return MBEDTLS_ECP_DP_NONE;
}

size_t crypto_ecc_bytes(uint32_t curve)
{
	switch (curve) {
	case TEE_ECC_CURVE_NIST_P192:
		return 24;
	case TEE_ECC_CURVE_NIST_P224:
		return 28;
	case TEE_ECC_CURVE_NIST_P256:
		return 32;
	case TEE_ECC_CURVE_NIST_P384:
		return 48;
	case TEE_ECC_CURVE_NIST_P521:
		return 66;
	}
	return 0;
}

static TEE_Result error_of(int ret)
{
	if (!ret)
		return TEE_SUCCESS;
	if (ret == MBEDTLS_ERR_MPI_ALLOC_FAILED ||
	    ret == MBEDTLS_ERR_ECP_ALLOC_FAILED)
		return TEE_ERROR_OUT_OF_MEMORY;
	return TEE_ERROR_BAD_PARAMETERS;
}

/* The state every operation needs; freed by ecc_done(). */
struct ecc {
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
	mbedtls_mpi d, r, s;
};

static int ecc_start(struct ecc *e, uint32_t curve)
{
	mbedtls_ecp_group_init(&e->grp);
	mbedtls_ecp_point_init(&e->q);
	mbedtls_mpi_init(&e->d);
	mbedtls_mpi_init(&e->r);
	mbedtls_mpi_init(&e->s);
	if (group_of(curve) == MBEDTLS_ECP_DP_NONE)
		return MBEDTLS_ERR_ECP_FEATURE_UNAVAILABLE;
	return mbedtls_ecp_group_load(&e->grp, group_of(curve));
}

static void ecc_done(struct ecc *e)
{
	mbedtls_ecp_group_free(&e->grp);
	mbedtls_ecp_point_free(&e->q);
	mbedtls_mpi_free(&e->d);
	mbedtls_mpi_free(&e->r);
	mbedtls_mpi_free(&e->s);
}

static int load_pub(struct ecc *e, const struct crypto_bn *x,
		    const struct crypto_bn *y)
{
	int ret = mbedtls_mpi_read_binary(&e->q.X, x->p, x->len);

	if (!ret)
		ret = mbedtls_mpi_read_binary(&e->q.Y, y->p, y->len);
	if (!ret)
		ret = mbedtls_mpi_lset(&e->q.Z, 1);
	if (!ret)
		ret = mbedtls_ecp_check_pubkey(&e->grp, &e->q);
	return ret;
}

static int load_priv(struct ecc *e, const struct crypto_bn *d)
{
	int ret = mbedtls_mpi_read_binary(&e->d, d->p, d->len);

	return ret ? ret : mbedtls_ecp_check_privkey(&e->grp, &e->d);
}

TEE_Result crypto_ecdsa_sign(uint32_t curve, const struct crypto_bn *d,
			     const uint8_t *digest, size_t dlen, uint8_t *sig)
{
	size_t n = crypto_ecc_bytes(curve);
	struct ecc e;
	int ret = n ? ecc_start(&e, curve) : MBEDTLS_ERR_ECP_BAD_INPUT_DATA;

	if (!n)
		return TEE_ERROR_BAD_PARAMETERS;
	if (!ret)
		ret = load_priv(&e, d);
	if (!ret)
		ret = mbedtls_ecdsa_sign(&e.grp, &e.r, &e.s, &e.d, digest, dlen,
					 crypto_asym_rng, NULL);
	if (!ret)
		ret = mbedtls_mpi_write_binary(&e.r, sig, n);
	if (!ret)
		ret = mbedtls_mpi_write_binary(&e.s, sig + n, n);
	ecc_done(&e);
	return error_of(ret);
}

TEE_Result crypto_ecdsa_verify(uint32_t curve, const struct crypto_bn *x,
			       const struct crypto_bn *y, const uint8_t *digest,
			       size_t dlen, const uint8_t *sig, size_t sig_len)
{
	size_t n = crypto_ecc_bytes(curve);
	struct ecc e;
	TEE_Result res;
	int ret;

	if (!n)
		return TEE_ERROR_BAD_PARAMETERS;
	ret = ecc_start(&e, curve);
	if (!ret)
		ret = load_pub(&e, x, y);
	res = error_of(ret);
	/* A point off the curve (populate does not check) verifies nothing. */
	if (res == TEE_ERROR_BAD_PARAMETERS)
		res = TEE_ERROR_SIGNATURE_INVALID;
	if (res)
		goto out;
	if (sig_len != 2 * n) {
		res = TEE_ERROR_SIGNATURE_INVALID;
		goto out;
	}
	ret = mbedtls_mpi_read_binary(&e.r, sig, n);
	if (!ret)
		ret = mbedtls_mpi_read_binary(&e.s, sig + n, n);
	if (!ret)
		ret = mbedtls_ecdsa_verify(&e.grp, digest, dlen, &e.q, &e.r,
					   &e.s);
	res = error_of(ret);
	if (res == TEE_ERROR_BAD_PARAMETERS)
		res = TEE_ERROR_SIGNATURE_INVALID;
out:
	ecc_done(&e);
	return res;
}

TEE_Result crypto_ecdh(uint32_t curve, const struct crypto_bn *d,
		       const struct crypto_bn *x, const struct crypto_bn *y,
		       uint8_t *secret)
{
	size_t n = crypto_ecc_bytes(curve);
	struct ecc e;
	int ret;

	if (!n)
		return TEE_ERROR_BAD_PARAMETERS;
	ret = ecc_start(&e, curve);
	if (!ret)
		ret = load_pub(&e, x, y);
	if (!ret)
		ret = load_priv(&e, d);
	if (!ret)
		ret = mbedtls_ecdh_compute_shared(&e.grp, &e.r, &e.q, &e.d,
						  crypto_asym_rng, NULL);
	if (!ret)
		ret = mbedtls_mpi_write_binary(&e.r, secret, n);
	ecc_done(&e);
	return error_of(ret);
}

TEE_Result crypto_ecc_generate(uint32_t curve, uint8_t *d, uint8_t *x,
			       uint8_t *y)
{
	size_t n = crypto_ecc_bytes(curve);
	struct ecc e;
	int ret;

	if (!n)
		return TEE_ERROR_BAD_PARAMETERS;
	ret = ecc_start(&e, curve);
	if (!ret)
		ret = mbedtls_ecp_gen_keypair(&e.grp, &e.d, &e.q,
					      crypto_asym_rng, NULL);
	if (!ret)
		ret = mbedtls_mpi_write_binary(&e.d, d, n);
	if (!ret)
		ret = mbedtls_mpi_write_binary(&e.q.X, x, n);
	if (!ret)
		ret = mbedtls_mpi_write_binary(&e.q.Y, y, n);
	ecc_done(&e);
	return error_of(ret);
}

TEE_Result crypto_x25519(const uint8_t priv[32], const uint8_t pub[32],
			 uint8_t secret[32])
{
	uint8_t k[32], u[32];
	struct ecc e;
	int ret = ecc_start(&e, TEE_ECC_CURVE_25519);

	/* RFC 7748 section 5: clamp the scalar, ignore u's top bit. */
	memcpy(k, priv, sizeof(k));
	k[0] &= 248;
	k[31] = (k[31] & 127) | 64;
	memcpy(u, pub, sizeof(u));
	u[31] &= 127;
	if (!ret)
		ret = mbedtls_mpi_read_binary_le(&e.d, k, sizeof(k));
	if (!ret)
		ret = mbedtls_mpi_read_binary_le(&e.q.X, u, sizeof(u));
	if (!ret)
		ret = mbedtls_mpi_lset(&e.q.Z, 1);
	if (!ret)
		ret = mbedtls_ecdh_compute_shared(&e.grp, &e.r, &e.q, &e.d,
						  crypto_asym_rng, NULL);
	if (!ret)
		ret = mbedtls_mpi_write_binary_le(&e.r, secret, 32);
	crypto_wipe(k, sizeof(k));
	ecc_done(&e);
	return error_of(ret);
}

TEE_Result crypto_x25519_generate(uint8_t priv[32], uint8_t pub[32])
{
	struct ecc e;
	int ret = ecc_start(&e, TEE_ECC_CURVE_25519);

	if (!ret)
		ret = mbedtls_ecp_gen_keypair(&e.grp, &e.d, &e.q,
					      crypto_asym_rng, NULL);
	if (!ret)
		ret = mbedtls_mpi_write_binary_le(&e.d, priv, 32);
	if (!ret)
		ret = mbedtls_mpi_write_binary_le(&e.q.X, pub, 32);
	ecc_done(&e);
	return error_of(ret);
}
