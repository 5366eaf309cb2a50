#!/usr/bin/env Rscript
# ${uri}
#
# alcove runs this script with the path of each input, then the path of the Parquet file it
# must write:
#
#   Rscript <this file> <input>... <output.parquet>
#
# Inputs, in order:
${inputs}
#
# This placeholder writes a small example table with the arrow package
# (install.packages("arrow")); any package that writes Parquet will do.

args <- commandArgs(trailingOnly = TRUE)
output <- args[length(args)]
arrow::write_parquet(data.frame(dim_example = 1L, value = "replace me"), output)
