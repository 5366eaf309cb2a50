SELECT range AS dim_n FROM range(1000)
