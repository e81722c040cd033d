/*
 * The core maps normal-world DRAM once, identity, non-secure, never
 * executable (core_mmu.c), so a checked physical address is also the
 * virtual address to copy from.
 */
#include <rampart/plat.h>
#include <string.h>
#include <tee/ns_mem.h>
#include <tee/shm.h>

TEE_Result ns_mem_read(paddr_t pa, void *dst, size_t len)
{
	if (!len)
		return TEE_SUCCESS;
	if (!plat_is_ns_dram(pa, len))
		return TEE_ERROR_BAD_PARAMETERS;
	memcpy(dst, (const void *)(uintptr_t)pa, len);
	return TEE_SUCCESS;
}

TEE_Result ns_mem_write(paddr_t pa, const void *src, size_t len)
{
	if (!len)
		return TEE_SUCCESS;
	if (!plat_is_ns_dram(pa, len))
		return TEE_ERROR_BAD_PARAMETERS;
	memcpy((void *)(uintptr_t)pa, src, len);
	return TEE_SUCCESS;
}
