/*
 * "device.pta": Linux asks it which TAs to expose as TEE-bus devices, so
 * that their drivers bind by themselves.
 *
 * PTA_CMD_GET_DEVICES (asked at the driver's probe) lists the TAs that need
 * nothing from the normal world: the RNG pseudo TA, for optee-rng.
 * PTA_CMD_GET_DEVICES_SUPP (asked once tee-supplicant has opened its
 * device) lists those that need the supplicant: none yet. The two lists
 * must stay disjoint, or Linux registers a device twice and warns.
 *
 * [0] MEMREF_OUTPUT receives the UUIDs as 16 octets each, back to back; its
 * size is set to the bytes needed, with TEE_ERROR_SHORT_BUFFER when they do
 * not fit (Linux first asks with a NULL buffer of size 0).
 */
#include <string.h>
#include <tee/pta.h>

#define PTA_CMD_GET_DEVICES 0
#define PTA_CMD_GET_DEVICES_SUPP 1
#define UUID_SIZE 16

static const struct pta *const devices[] = {&pta_rng};

static TEE_Result list(const struct pta *const *tas, size_t n,
		       union tee_param *out)
{
	uint8_t *buf = out->memref.buffer;
	size_t need = n * UUID_SIZE;

	if (!buf && out->memref.size)
		return TEE_ERROR_BAD_PARAMETERS;
	if (out->memref.size < need) {
		out->memref.size = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	for (size_t i = 0; i < n; i++)
		memcpy(buf + i * UUID_SIZE, tas[i]->uuid, UUID_SIZE);
	out->memref.size = need;
	return TEE_SUCCESS;
}

static TEE_Result invoke(void *ctx, uint32_t cmd, uint32_t types,
			 union tee_param p[4])
{
	(void)ctx;
	if (cmd != PTA_CMD_GET_DEVICES && cmd != PTA_CMD_GET_DEVICES_SUPP)
		return TEE_ERROR_NOT_IMPLEMENTED;
	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_OUTPUT, 0, 0, 0))
		return TEE_ERROR_BAD_PARAMETERS;
	if (cmd == PTA_CMD_GET_DEVICES)
		return list(devices, ARRAY_SIZE(devices), &p[0]);
	return list(NULL, 0, &p[0]);
}

const struct pta pta_device_enum = {
	.name = "device.pta",
	.uuid = {0x70, 0x11, 0xa6, 0x88, 0xdd, 0xde, 0x40, 0x53, 0xa5, 0xa9,
		 0x7b, 0x3c, 0x4d, 0xdf, 0x13, 0xb8},
	.invoke = invoke,
};
