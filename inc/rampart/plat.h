/*
 * What generic code needs from a platform. Each platform under plat/
 * implements these; generic code includes only this header and
 * <platform_config.h> for constants.
 */
#ifndef RAMPART_PLAT_H
#define RAMPART_PLAT_H

#include <rampart/types.h>

/* How many CPUs exist (from the boot device tree), 1..PLAT_MAX_CPUS. */
TEE_Result plat_set_cpu_count(unsigned int count);

/* Linear CPU index for an MPIDR value, or -1 if no such CPU exists here. */
int plat_core_pos_by_mpidr(uint64_t mpidr);

/*
 * Normal-world DRAM starts at PLAT_NS_DRAM_BASE; the monitor learns its size
 * from the boot device tree and hands it to the core at boot.
 */
TEE_Result plat_set_ns_dram_size(uint64_t size);
uint64_t plat_ns_dram_size(void);

/* True if [pa, pa + size) lies entirely in normal-world DRAM. */
bool plat_is_ns_dram(paddr_t pa, uint64_t size);

/* True if [pa, pa + size) touches secure-only memory (RAM or flash). */
bool plat_overlaps_secure_memory(paddr_t pa, uint64_t size);

/* Power control; they do not return on success. */
void plat_system_off(void);
void plat_system_reset(void);

#endif
