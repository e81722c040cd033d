/*
 * "rng.pta" (inc/rampart/abi/pta_rng.h): random bytes for Linux's
 * optee-rng hwrng driver, which binds to it because device.pta lists it.
 *
 * The bytes come from the core's DRBG; handing its output out does not
 * weaken what the core keeps for itself (HMAC-DRBG updates its state after
 * every request). The quality reported is the DRBG's claim for its current
 * seed source (crypto_rng_get_info), so Linux credits no entropy the core
 * does not have.
 */
#include <crypto/crypto.h>
#include <kernel/log.h>
#include <rampart/abi/pta_rng.h>
#include <tee/pta.h>
#include <tee/session.h>

#define ONE_PARAM(t)                                                           \
	TEE_PARAM_TYPES(t, TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,           \
			TEE_PARAM_TYPE_NONE)

static TEE_Result open_session(const struct tee_identity *client,
			       uint32_t types, union tee_param p[4], void **ctx)
{
	(void)p;
	(void)ctx;
	/*
	 * A service for the normal world's kernel. Linux 6.1's optee-rng logs
	 * in PUBLIC, newer kernels REE_KERNEL; Linux lets no user process use
	 * REE_KERNEL, so refusing the rest keeps out user and group logins
	 * and TAs. A user process logging in PUBLIC looks exactly like 6.1's
	 * kernel and gets in: harmless, as it only gets DRBG output.
	 */
	if (client->login != TEE_LOGIN_PUBLIC &&
	    client->login != TEE_LOGIN_REE_KERNEL)
		return TEE_ERROR_ACCESS_DENIED;
	if (types != 0)
		return TEE_ERROR_BAD_PARAMETERS;
	return TEE_SUCCESS;
}

static TEE_Result get_entropy(uint32_t types, union tee_param p[4])
{
	if (types != ONE_PARAM(TEE_PARAM_TYPE_MEMREF_INOUT))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!p[0].memref.buffer || p[0].memref.size > PTA_RNG_MAX_ENTROPY_SIZE)
		return TEE_ERROR_BAD_PARAMETERS;
	return crypto_rng_read(p[0].memref.buffer, p[0].memref.size);
}

static TEE_Result get_rng_info(uint32_t types, union tee_param p[4])
{
	static bool logged;
	struct crypto_rng_info info;

	if (types != ONE_PARAM(TEE_PARAM_TYPE_VALUE_OUTPUT))
		return TEE_ERROR_BAD_PARAMETERS;
	crypto_rng_get_info(&info);
	/* Output is not paced: Linux only waits when a rate is given. */
	p[0].value.a = 0;
	p[0].value.b = info.quality;
	/* Once per boot: any PUBLIC client could ask in a loop. */
	if (!__atomic_exchange_n(&logged, true, __ATOMIC_RELAXED))
		core_log("rng.pta: quality %u/1024 (DRBG seeded from %s)",
			 (unsigned int)info.quality, info.source);
	return TEE_SUCCESS;
}

static TEE_Result invoke(void *ctx, uint32_t cmd, uint32_t types,
			 union tee_param p[4])
{
	(void)ctx;
	switch (cmd) {
	case PTA_CMD_GET_ENTROPY:
		return get_entropy(types, p);
	case PTA_CMD_GET_RNG_INFO:
		return get_rng_info(types, p);
	default:
		return TEE_ERROR_NOT_IMPLEMENTED;
	}
}

const struct pta pta_rng = {
	.name = "rng.pta",
	.uuid = PTA_RNG_UUID_OCTETS,
	.open_session = open_session,
	.invoke = invoke,
};
