2
versicolor2setosa2setosa2	virginica2	virginica2setosa2setosa2	virginicaBarray_feature_extractor_result