/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * OP-TEE extensions to the GlobalPlatform TEE Client API (Rampart libteec),
 * source compatible with OP-TEE's <tee_client_api_extensions.h>.
 */
#ifndef TEE_CLIENT_API_EXTENSIONS_H
#define TEE_CLIENT_API_EXTENSIONS_H

#include <tee_client_api.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Shares the memory behind a dma-buf file descriptor (sharedMem->flags set
 * by the caller; ->size and ->id filled in). Needs the TEE_IOC_SHM_REGISTER_FD
 * ioctl, which only Linaro's kernel trees have: on mainline Linux it always
 * returns TEEC_ERROR_BAD_PARAMETERS.
 */
TEEC_Result
TEEC_RegisterSharedMemoryFileDescriptor(TEEC_Context *context,
					TEEC_SharedMemory *sharedMem, int fd);

#ifdef __cplusplus
}
#endif

#endif /* TEE_CLIENT_API_EXTENSIONS_H */
