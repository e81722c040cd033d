/*
 * "device.pta": Linux asks it at probe which TAs to expose as TEE-bus
 * devices. None yet: an empty list, answered with the size first (0).
 */
#include <tee/pta.h>

#define PTA_CMD_GET_DEVICES 0
#define PTA_CMD_GET_DEVICES_SUPP 1

static TEE_Result invoke(void *ctx, uint32_t cmd, uint32_t types,
			 union tee_param p[4])
{
	(void)ctx;
	if (cmd != PTA_CMD_GET_DEVICES && cmd != PTA_CMD_GET_DEVICES_SUPP)
		return TEE_ERROR_NOT_IMPLEMENTED;
	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_OUTPUT, 0, 0, 0))
		return TEE_ERROR_BAD_PARAMETERS;
	p[0].memref.size = 0;
	return TEE_SUCCESS;
}

const struct pta pta_device_enum = {
	.name = "device.pta",
	.uuid = { 0x70, 0x11, 0xa6, 0x88, 0xdd, 0xde, 0x40, 0x53, 0xa5, 0xa9,
		  0x7b, 0x3c, 0x4d, 0xdf, 0x13, 0xb8 },
	.invoke = invoke,
};
